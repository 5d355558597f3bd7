import type { APIInteraction } from 'discord-api-types/v10';
import { InteractionType } from 'discord-api-types/v10';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{1,20}$/);
const user = z.looseObject({ id: snowflake });
const name = z.string().min(1);

type Option = {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: Option[];
};
const option: z.ZodType<Option> = z.looseObject({
  name,
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
  get options() {
    return z.array(option).optional();
  },
});

const common = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1).max(500),
  version: z.number().optional(),
  user: user.optional(),
  member: z.looseObject({ user }).optional(),
};

const commandData = z.looseObject({
  id: z.string().optional(),
  name,
  type: z.number().int().optional(),
  options: z.array(option).optional(),
});

const componentData = z.looseObject({
  custom_id: z.string(),
  component_type: z.number().int(),
  values: z.array(z.string()).optional(),
});

/**
 * What an interaction must look like for the handlers to read it safely: every field they read is checked
 * for type (sizes are the handlers' business: they cut what they read). Loose objects otherwise: Discord adds fields all the time, and unknown ones are kept
 * and ignored.
 */
const interactionSchema = z.discriminatedUnion('type', [
  z.looseObject({ ...common, type: z.literal(InteractionType.Ping) }),
  z.looseObject({ ...common, type: z.literal(InteractionType.ApplicationCommand), data: commandData }),
  z.looseObject({
    ...common,
    type: z.literal(InteractionType.ApplicationCommandAutocomplete),
    data: commandData,
  }),
  z.looseObject({
    ...common,
    type: z.literal(InteractionType.MessageComponent),
    data: componentData,
    message: z.looseObject({ components: z.array(z.unknown()).optional() }).optional(),
  }),
  z.looseObject({ ...common, type: z.literal(InteractionType.ModalSubmit) }),
]);

/** The payload as an interaction the handlers can take, or null when it is not one. */
export function parseInteraction(payload: unknown): APIInteraction | null {
  return interactionSchema.safeParse(payload).success ? (payload as APIInteraction) : null;
}
