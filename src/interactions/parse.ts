import type { APIInteraction } from 'discord-api-types/v10';
import { InteractionType } from 'discord-api-types/v10';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{1,25}$/);
const user = z.looseObject({ id: snowflake });
const option = z.looseObject({ name: z.string(), type: z.number().int() });

const common = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1),
  version: z.number().optional(),
  user: user.optional(),
  member: z.looseObject({ user }).optional(),
};

const commandData = z.looseObject({
  id: z.string().optional(),
  name: z.string().min(1),
  type: z.number().int().optional(),
  options: z.array(option).optional(),
});

/**
 * The least an interaction must have for the bot to answer it. Loose objects: Discord adds fields all the
 * time, and unknown ones are kept and ignored. Option values are checked where they are read (options.ts).
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
    data: z.looseObject({
      custom_id: z.string(),
      component_type: z.number().int(),
      values: z.array(z.string()).optional(),
    }),
  }),
  z.looseObject({ ...common, type: z.literal(InteractionType.ModalSubmit) }),
]);

/** The payload as an interaction the handlers can take, or null when it is not one. */
export function parseInteraction(payload: unknown): APIInteraction | null {
  const parsed = interactionSchema.safeParse(payload);
  return parsed.success ? (payload as APIInteraction) : null;
}
