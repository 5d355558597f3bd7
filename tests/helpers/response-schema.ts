import * as z from 'zod';

// An independent statement of Discord's limits, used as the oracle for every reply the bot makes.
// It deliberately does not import src/cards/limits.ts, so a wrong limit there cannot hide here.
const text = (max: number) => z.string().min(1).max(max);

const embed = z
  .strictObject({
    title: text(256).optional(),
    description: text(4096).optional(),
    color: z.number().int().min(0).max(0xffffff).optional(),
    url: z.string().optional(),
    fields: z
      .array(z.strictObject({ name: text(256), value: text(1024), inline: z.boolean().optional() }))
      .max(25)
      .optional(),
    footer: z.strictObject({ text: text(2048), icon_url: z.string().optional() }).optional(),
    author: z.strictObject({ name: text(256) }).optional(),
  })
  .refine((e) => e.title || e.description || e.fields?.length || e.footer, 'an embed needs some text');

const customId = z.string().min(1).max(100);
const selectOption = z.strictObject({
  label: text(100),
  value: text(100),
  description: text(100).optional(),
  default: z.boolean().optional(),
});
const component = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal(2),
      style: z.number().int().min(1).max(4),
      custom_id: customId,
      label: text(80).optional(),
      emoji: z.strictObject({ name: z.string().min(1), id: z.string().optional() }).optional(),
      disabled: z.boolean().optional(),
    })
    // Discord accepts a button with neither, but shows an empty box nobody can read.
    .refine((button) => button.label || button.emoji, 'a button needs a label or an emoji'),
  z.strictObject({
    type: z.literal(3),
    custom_id: customId,
    placeholder: text(150).optional(),
    options: z.array(selectOption).min(1).max(25),
    min_values: z.number().optional(),
    max_values: z.number().optional(),
  }),
]);
const actionRow = z.strictObject({ type: z.literal(1), components: z.array(component).min(1).max(5) });

const embedsTotal = (embeds: z.infer<typeof embed>[]) =>
  embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );

export const messageDataSchema = z
  .strictObject({
    content: z.string().max(2000).optional(),
    embeds: z.array(embed).max(10).optional(),
    components: z.array(actionRow).max(5).optional(),
    flags: z.number().int().optional(),
    allowed_mentions: z.strictObject({ parse: z.array(z.never()).length(0) }),
  })
  .refine((m) => embedsTotal(m.embeds ?? []) <= 6000, 'more than 6,000 characters across embeds')
  .refine((m) => (m.content?.length ?? 0) > 0 || (m.embeds?.length ?? 0) > 0, 'an empty message');

const choice = z.strictObject({ name: text(100), value: z.union([z.string().max(100), z.number()]) });

/** A valid interaction response the bot may send: pong, a message, an update, or autocomplete choices. */
export const interactionResponseSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(1) }),
  z.strictObject({ type: z.literal(4), data: messageDataSchema }),
  z.strictObject({ type: z.literal(7), data: messageDataSchema }),
  z.strictObject({ type: z.literal(8), data: z.strictObject({ choices: z.array(choice).max(25) }) }),
]);
