import type { APIInteraction } from 'discord-api-types/v10';
import * as z from 'zod';
import { InteractionType } from '../toolkit/discord-enums.js';

const snowflake = z.string().regex(/^\d{1,20}$/);
const user = z.object({ id: snowflake });
const name = z.string().min(1);

type Option = {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: Option[];
};
const optionFields = {
  name,
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
};
/** Options nested to any depth. */
const anyOption: z.ZodType<Option> = z.object({
  ...optionFields,
  get options() {
    return z.array(anyOption).optional();
  },
});
/**
 * The same check, unrolled: Discord nests options three deep (subcommand group → subcommand → option), and
 * z.compile cannot compile a schema that refers to itself. Anything nested deeper still gets the recursive
 * check above (at run time: Discord never sends it).
 */
const deeperOptions = z.custom<Option[]>((value) => z.array(anyOption).safeParse(value).success);
const option3 = z.object({ ...optionFields, options: deeperOptions.optional() });
const option2 = z.object({ ...optionFields, options: z.array(option3).optional() });
const option = z.object({ ...optionFields, options: z.array(option2).optional() });

const common = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1).max(500),
  version: z.number().optional(),
  user: user.optional(),
  member: z.object({ user }).optional(),
};

const commandData = z.object({
  id: z.string().optional(),
  name,
  type: z.number().int().optional(),
  options: z.array(option).optional(),
  /** Message commands: the message the command was used on, and that message as Discord resolved it. */
  target_id: snowflake.optional(),
  resolved: z
    .object({ messages: z.record(z.string(), z.object({ content: z.string().optional() })).optional() })
    .optional(),
});

const componentData = z.object({
  custom_id: z.string(),
  component_type: z.number().int(),
  values: z.array(z.string()).optional(),
});

/**
 * What an interaction must look like for the handlers to read it safely: every field they read is checked
 * for type (sizes are the handlers' business: they cut what they read). Other fields are allowed: Discord
 * adds fields all the time; the handlers get the payload itself, unknown fields included, and ignore them.
 */
const interactionSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal(InteractionType.Ping) }),
  z.object({ ...common, type: z.literal(InteractionType.ApplicationCommand), data: commandData }),
  z.object({
    ...common,
    type: z.literal(InteractionType.ApplicationCommandAutocomplete),
    data: commandData,
  }),
  z.object({
    ...common,
    type: z.literal(InteractionType.MessageComponent),
    data: componentData,
    message: z.object({ components: z.array(z.unknown()).optional() }).optional(),
  }),
  z.object({ ...common, type: z.literal(InteractionType.ModalSubmit) }),
]);

/**
 * The same schema compiled (z.compile: generated code instead of walking the schema), on first use: the
 * compilation takes ~15 ms, which the HTTP endpoint's start-up does not need to pay.
 */
let compiled: typeof interactionSchema | undefined;

/**
 * The payload as an interaction the handlers can take, or null when it is not one. Asks only whether the
 * payload is valid (`validate`: no parsed copy is built, since the payload itself is what the handlers get).
 */
export function parseInteraction(payload: unknown): APIInteraction | null {
  compiled ??= z.compile(interactionSchema);
  return compiled.validate(payload) ? (payload as APIInteraction) : null;
}
