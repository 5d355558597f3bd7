/**
 * Property-based fuzzing of the interaction router (issue "Reliability and security: property-based fuzzing").
 *
 * Every generated payload goes over "the wire" (JSON.stringify/parse), through parseInteraction as every
 * transport does, and, when accepted, through handleInteraction. Whatever the input, the handler must not
 * throw, must not report an error, and must answer a response Discord accepts (all limits, the 6,000
 * character embed total, allowed_mentions that ping no one, ≤ 25 autocomplete choices).
 *
 * A failure prints fast-check's seed and path. Replay it with
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run tests/fuzz-handlers.test.ts -t '<property name>'
 * and soak with FUZZ_RUNS=<total cases> (default 11,000 for this file).
 */
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { parseInteraction } from '../src/interactions/parse.js';
import type { BotContext, Command } from '../src/toolkit/command.js';
import {
  buildAutocompleteInteraction,
  buildBotMessage,
  buildComponentInteraction,
} from '../src/transports/local/parse-command-line.js';
import {
  anyAutocompleteArb,
  anyChatInputArb,
  anyPayloadArb,
  applyMutations,
  componentArb,
  type FuzzPayload,
  fuzzSettings,
  hostileValue,
  largerContext,
  mutatedPayloadArb,
  responseProblems,
  sessionArb,
  unknownCommandArb,
  wrongCommandTypeArb,
} from './helpers/arbitraries.js';
import { clickablesOf, context, interactionFor, messageOf } from './helpers/bot.js';

const settings = fuzzSettings(11_000);

/** What a property saw, to prove the generators reach the interesting code (not only "invalid payload"). */
class Coverage {
  runs = 0;
  accepted = 0;
  responseTypes = new Map<number, number>();
  embeds = 0;
  choices = 0;
  record(response: APIInteractionResponse): void {
    this.responseTypes.set(response.type, (this.responseTypes.get(response.type) ?? 0) + 1);
    if ('data' in response && response.data && 'embeds' in response.data && response.data.embeds?.length)
      this.embeds++;
    if (response.type === 8 && response.data.choices?.length) this.choices++;
  }
  /** Coverage is only asserted on runs big enough for it to be certain. */
  get meaningful(): boolean {
    return this.runs >= 500;
  }
}

/** The wire copy of a payload: what a transport hands to parseInteraction. */
function overTheWire(payload: FuzzPayload): unknown {
  return JSON.parse(JSON.stringify(payload));
}

/** Parses and handles one payload; fails the property on any problem. */
function checkPayload(payload: FuzzPayload, coverage: Coverage, on: BotContext = context): void {
  coverage.runs++;
  const interaction = parseInteraction(overTheWire(payload));
  if (!interaction) return;
  coverage.accepted++;
  const errors: unknown[] = [];
  const response = handleInteraction(interaction, on, (error) => errors.push(error));
  coverage.record(response);
  expect(responseProblems(interaction, response, errors)).toEqual([]);
}

/** Per property; a normal run takes a few seconds. */
const timeoutMs = 30_000;

function assertProperty(
  arbitrary: fc.Arbitrary<FuzzPayload>,
  runs: number,
  coverage: Coverage,
  on: BotContext = context,
): void {
  fc.assert(
    fc.property(arbitrary, (payload) => checkPayload(payload, coverage, on)),
    settings.parameters(runs, timeoutMs),
  );
}

describe('fuzzing handleInteraction', () => {
  it('answers slash commands with any option values, types, duplicates and extras', {
    timeout: settings.timeout(timeoutMs),
  }, () => {
    const coverage = new Coverage();
    assertProperty(
      fc.oneof(
        { weight: 8, arbitrary: anyChatInputArb },
        { weight: 1, arbitrary: unknownCommandArb },
        { weight: 1, arbitrary: wrongCommandTypeArb },
      ),
      2500,
      coverage,
    );
    if (coverage.meaningful) {
      // Most payloads get past the parser: the handlers, not only the parser, are under test.
      expect(coverage.accepted / coverage.runs).toBeGreaterThan(0.6);
      expect(coverage.embeds).toBeGreaterThan(0);
    }
  });

  it('answers autocomplete with at most 25 valid choices, whatever is typed', {
    timeout: settings.timeout(timeoutMs),
  }, () => {
    const coverage = new Coverage();
    assertProperty(anyAutocompleteArb, 2500, coverage);
    if (coverage.meaningful) {
      expect(coverage.accepted / coverage.runs).toBeGreaterThan(0.6);
      expect(coverage.choices).toBeGreaterThan(0);
    }
  });

  it('answers clicks with real, tampered and forged custom_ids and any values', {
    timeout: settings.timeout(timeoutMs),
  }, () => {
    const coverage = new Coverage();
    assertProperty(componentArb, 3000, coverage);
    if (coverage.meaningful) {
      expect(coverage.accepted / coverage.runs).toBeGreaterThan(0.6);
      // Updates in place only happen when a real handler ran for the owner: the forging reaches the handlers.
      expect(coverage.responseTypes.get(7) ?? 0).toBeGreaterThan(0);
    }
  });

  it('answers any mix of payloads, with envelope mutations, unknown types and PING', {
    timeout: settings.timeout(timeoutMs),
  }, () => {
    const coverage = new Coverage();
    assertProperty(fc.oneof(anyPayloadArb, mutatedPayloadArb), 2000, coverage);
    if (coverage.meaningful) {
      expect(coverage.accepted / coverage.runs).toBeGreaterThan(0.4);
      expect(coverage.responseTypes.get(1) ?? 0).toBeGreaterThan(0);
    }
  });

  it('never throws on raw objects that skipped JSON and validation, and still answers validly', {
    timeout: settings.timeout(timeoutMs),
  }, () => {
    // Values JSON cannot carry (NaN, ±Infinity, -0) and payloads parseInteraction would refuse. The
    // handler's contract is to never throw whatever it is given; an error it reports (and answers with an
    // apology) is acceptable only for payloads the parser refuses.
    const nonJson = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0);
    const raw = fc
      .tuple(
        fc.oneof(anyPayloadArb, mutatedPayloadArb),
        fc.array(
          fc.record({
            path: fc.constantFrom(
              ['type'],
              ['version'],
              ['data', 'type'],
              ['data', 'options'],
              ['data', 'options', '0', 'value'],
              ['data', 'options', '1', 'value'],
              ['data', 'values'],
              ['data', 'name'],
              ['data', 'custom_id'],
              ['data', 'component_type'],
              ['member', 'user', 'id'],
            ),
            value: fc.oneof(nonJson, hostileValue, fc.array(nonJson, { minLength: 1, maxLength: 2 })),
          }),
          { maxLength: 2 },
        ),
      )
      .map(([payload, edits]) => applyMutations(payload, edits));
    fc.assert(
      fc.property(raw, (payload) => {
        const accepted = parseInteraction(payload) !== null;
        const errors: unknown[] = [];
        const response = handleInteraction(payload as unknown as APIInteraction, context, (error) =>
          errors.push(error),
        );
        expect(responseProblems(payload, response, accepted ? errors : [], { checkType: accepted })).toEqual(
          [],
        );
      }),
      settings.parameters(1000, timeoutMs),
    );
  });
});

describe('fuzzing with a larger dataset: 300 synthetic partners, two oversized ones, a search offering 100', () => {
  const larger = largerContext();
  const partner = commands.find((command) => command.data.name === 'partner') as Command;

  it('the router keeps autocomplete to Discord’s 25 choices, the first ones the command offered', () => {
    const interaction = buildAutocompleteInteraction(partner, [], { name: 'who', value: 'international' });
    const offered = larger.partnerSearch.autocomplete('international');
    expect(offered.length).toBeGreaterThan(25);
    const response = handleInteraction(interaction, larger);
    expect(response.type === 8 && response.data.choices?.map((choice) => choice.value)).toEqual(
      offered.slice(0, 25).map((hit) => hit.partner.id),
    );
  });

  it('answers autocomplete with at most 25 valid choices, whatever is typed', {
    timeout: settings.timeout(timeoutMs),
  }, () => {
    const coverage = new Coverage();
    assertProperty(anyAutocompleteArb, 1000, coverage, larger);
    if (coverage.meaningful) expect(coverage.choices).toBeGreaterThan(0);
  });

  it('answers /partner on an oversized partner, and every click on its reply, within Discord’s limits', {
    timeout: settings.timeout(timeoutMs),
  }, () => {
    const ids = larger.dataset.partners.filter((p) => p.id.startsWith('oversized-')).map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    const check = (interaction: APIInteraction) => {
      const errors: unknown[] = [];
      const response = handleInteraction(interaction, larger, (error) => errors.push(error));
      expect(responseProblems(interaction, response, errors)).toEqual([]);
      return response;
    };
    fc.assert(
      fc.property(fc.constantFrom(...ids), sessionArb, fc.boolean(), (id, session, privately) => {
        const data = messageOf(check(interactionFor(`/partner who:${id} private:${privately}`, session)));
        const message = buildBotMessage(data, session, { commandName: 'partner' });
        for (const { customId, componentType, values } of clickablesOf(data)) {
          const selected = values.length ? [values[0] as string] : undefined;
          check(buildComponentInteraction({ message, customId, componentType, values: selected }, session));
        }
      }),
      settings.parameters(40, timeoutMs),
    );
  });
});
