/**
 * The last reply with buttons or menus, and clicks on it, as Discord would send them: by number in the
 * playground (`2`), by a label's words or a menu value in `npm run ask -- … --click Sources` and
 * `npm run screenshots`. One place builds the click, so every way of clicking sends the same interaction.
 */
import type { APIInteraction, APIInteractionResponse, APIMessage } from 'discord-api-types/payloads/v10';
import { InteractionResponseType } from 'discord-api-types/payloads/v10';
import { commands } from '../../../commands/index.js';
import { catalogueFor, type Messages } from '../../i18n/index.js';
import {
  buildBotMessage,
  buildComponentInteraction,
  type LocalSession,
  shownName,
} from './parse-command-line.js';
import { type Choice, listChoices } from './render-text.js';

export type ClickResult = { ok: true; interaction: APIInteraction } | { ok: false; error: string };

/** Lower case, accents and everything but letters and digits dropped: "📑 Sources" → ["sources"]. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function describe(choice: Choice, t: Messages['clickByLabel']): string {
  return choice.kind === 'option' ? t.option(choice.label, choice.value ?? '') : t.button(choice.label);
}

export class ReplyChoices {
  private current: { message: APIMessage; choices: Choice[]; commandName: string } | undefined;
  /** The last command run, which the replies being clicked answer. */
  private lastCommand: string | undefined;

  constructor(private readonly session: LocalSession) {}

  /** The playground's lines in the session's language. */
  private get texts(): Messages {
    return catalogueFor(this.session.locale);
  }

  get choices(): readonly Choice[] {
    return this.current?.choices ?? [];
  }

  /**
   * Takes in a reply: a message with menus or buttons becomes the one clicks go to (an update keeps the
   * clicked message's id, as Discord edits it in place); an update without any leaves nothing to click;
   * a new message without any leaves the last one. Returns whether the reply has choices.
   */
  remember(response: APIInteractionResponse, commandName?: string): boolean {
    if (commandName !== undefined) this.lastCommand = commandName;
    const updated = response.type === InteractionResponseType.UpdateMessage;
    if (!(updated || response.type === InteractionResponseType.ChannelMessageWithSource)) return false;
    const choices = response.data ? listChoices(response.data) : [];
    const name = commandName ?? this.current?.commandName;
    if (!response.data || !choices.length || name === undefined) {
      if (updated) this.current = undefined;
      return false;
    }
    const id = updated ? this.current?.message.id : undefined;
    const message = buildBotMessage(response.data, this.session, { id, commandName: name });
    this.current = { message, choices, commandName: name };
    return true;
  }

  /** The component interaction for the numbered choices: one button, or options of one menu. */
  click(numbers: readonly number[]): ClickResult {
    const current = this.current;
    const t = this.texts.playground;
    if (!current) return { ok: false, error: t.nothingToPick };
    const chosen: Choice[] = [];
    for (const number of numbers) {
      const choice = current.choices.find((candidate) => candidate.number === number);
      if (!choice) return { ok: false, error: t.noChoice(number, current.choices.length) };
      chosen.push(choice);
    }
    const [first] = chosen;
    if (!first) return { ok: false, error: t.noChoice(0, current.choices.length) };
    if (
      chosen.length > 1 &&
      (first.kind !== 'option' || chosen.some((choice) => choice.customId !== first.customId))
    ) {
      return { ok: false, error: t.pickOne };
    }
    const interaction = buildComponentInteraction(
      {
        message: current.message,
        customId: first.customId,
        componentType: first.componentType,
        values: first.kind === 'option' ? chosen.map((choice) => choice.value ?? '') : undefined,
      },
      this.session,
    );
    return { ok: true, interaction };
  }

  /**
   * The choice `wanted` names: a menu value or a whole label as written, else the one label holding every
   * word typed (`Sources`, `next`), else its number as the playground shows it.
   */
  find(wanted: string): { ok: true; number: number } | { ok: false; error: string } {
    const choices = this.choices;
    const typed = wordsOf(wanted);
    const whole = typed.join(' ');
    const exact = choices.filter(
      (choice) => choice.value === wanted.trim() || (whole && wordsOf(choice.label).join(' ') === whole),
    );
    const containing = choices.filter((choice) => {
      const words = wordsOf(choice.label);
      return typed.length > 0 && typed.every((word) => words.some((label) => label.startsWith(word)));
    });
    const byNumber = /^\d+$/.test(wanted.trim())
      ? choices.filter((choice) => choice.number === Number(wanted))
      : [];
    const found = [exact, containing, byNumber].find((list) => list.length > 0) ?? [];
    const [only] = found;
    if (only && found.length === 1) return { ok: true, number: only.number };
    const t = this.texts.clickByLabel;
    const name = this.current?.commandName ?? this.lastCommand;
    const command = commands.find((candidate) => candidate.data.name === name);
    const reply = t.reply(command ? `/${shownName(command.data, this.session.locale)}` : name);
    const list = (shown: readonly Choice[]) => shown.map((choice) => describe(choice, t)).join(', ');
    if (!choices.length) return { ok: false, error: t.nothingToClick(wanted, reply) };
    if (found.length > 1) return { ok: false, error: t.several(wanted, reply, list(found)) };
    return { ok: false, error: t.noMatch(wanted, reply, list(choices)) };
  }
}

/**
 * Clicks `clicks` one after the other (label words, menu values or numbers), starting from a command's
 * reply, each on the last reply that has buttons or menus; resolves with the reply the last click brings.
 */
export function followClicks(
  start: { response: APIInteractionResponse; commandName: string },
  clicks: readonly string[],
  answer: (interaction: APIInteraction) => APIInteractionResponse,
  session: LocalSession,
): { ok: true; response: APIInteractionResponse } | { ok: false; error: string } {
  const choices = new ReplyChoices(session);
  choices.remember(start.response, start.commandName);
  let response = start.response;
  for (const wanted of clicks) {
    const found = choices.find(wanted);
    if (!found.ok) return found;
    const clicked = choices.click([found.number]);
    if (!clicked.ok) return clicked;
    response = answer(clicked.interaction);
    choices.remember(response);
  }
  return { ok: true, response };
}
