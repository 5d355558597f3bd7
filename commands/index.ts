import * as z from 'zod';
import type { Command, CommandRegistry, ComponentHandlers, MessageCommand } from '../src/toolkit/command.js';
import { ask } from './ask.js';
import { cardActions } from './card-actions.js';
import { help } from './help.js';
import { mentions } from './message.js';
import { mou } from './mou.js';
import { partner } from './partner.js';
import { topic } from './topic.js';

const isFunction = z.custom<(...args: never[]) => unknown>(
  (value) => typeof value === 'function',
  'must be a function',
);

/** Discord's rule for translated command and option names: its name pattern, lower case. */
const localisedNames = z
  .record(
    z.string(),
    z
      .string()
      .regex(/^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u)
      .refine((name) => name === name.toLowerCase(), 'must be lower case'),
  )
  .optional();
const localisedDescriptions = z.record(z.string(), z.string().min(1).max(100)).optional();

/** What every command module must look like; checked when the bot loads, so a broken module fails fast. */
const commandModuleSchema = z.object({
  data: z.looseObject({
    name: z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, 'must be 1-32 lower-case characters'),
    name_localizations: localisedNames,
    description: z.string().min(1).max(100),
    description_localizations: localisedDescriptions,
    options: z
      .array(
        z.looseObject({
          name: z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u),
          name_localizations: localisedNames,
          description: z.string().min(1).max(100),
          description_localizations: localisedDescriptions,
        }),
      )
      .max(25)
      .optional(),
  }),
  execute: isFunction,
  autocomplete: isFunction.optional(),
  components: z.record(z.string().regex(/^[a-z-]+$/), isFunction).optional(),
});

export const commands: readonly Command[] = [partner, mou, topic, ask, help].map((command) => {
  // Checked once: the interpreter (jitless) is cheaper than compiling the schema for a single pass.
  const checked = commandModuleSchema.safeParse(command, { jitless: true });
  if (!checked.success) {
    throw new Error(`Command module "${command.data?.name}" is malformed: ${z.prettifyError(checked.error)}`);
  }
  return command;
});

export const commandsByName: ReadonlyMap<string, Command> = new Map(
  commands.map((command) => [command.data.name, command]),
);

/** Message commands (Apps menu on a message): a name people read (spaces and capitals allowed), no description. */
const messageCommandSchema = z.object({
  key: z.string().regex(/^[a-z-]+$/),
  data: z.looseObject({
    type: z.literal(3),
    name: z.string().regex(/^[-_ \p{L}\p{N}]{1,32}$/u, 'must be 1-32 letters, digits or spaces'),
    name_localizations: z.record(z.string(), z.string().regex(/^[-_ \p{L}\p{N}]{1,32}$/u)).optional(),
  }),
  execute: isFunction,
  components: z.record(z.string().regex(/^[a-z-]+$/), isFunction).optional(),
});

export const messageCommands: readonly MessageCommand[] = [mentions].map((command) => {
  const checked = messageCommandSchema.safeParse(command, { jitless: true });
  if (!checked.success) {
    throw new Error(
      `Message command "${command.data?.name}" is malformed: ${z.prettifyError(checked.error)}`,
    );
  }
  return command;
});

export const messageCommandsByName: ReadonlyMap<string, MessageCommand> = new Map(
  messageCommands.map((command) => [command.data.name, command]),
);

/** The button and menu handlers by the name custom_ids carry: a slash command's name or a message command's key. */
export const componentHandlersByName: ReadonlyMap<string, ComponentHandlers | undefined> = new Map([
  ...commands.map((command) => [command.data.name, command.components] as const),
  ...messageCommands.map((command) => [command.key, command.components] as const),
  [cardActions.key, cardActions.components],
]);

/** Everything above, as the router receives it (through the context the transports build). */
export const commandRegistry: CommandRegistry = {
  commands,
  messageCommands,
  commandsByName,
  messageCommandsByName,
  componentHandlersByName,
};
