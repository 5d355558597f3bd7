import * as z from 'zod';

/** Lower-case words joined by hyphens: the stable key of a partner or a topic. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lower-case letters and digits joined by hyphens');

/**
 * A date written with exactly the precision the source gives it:
 * "2003" (year), "2002-07" (month) or "2007-01-12" (day). Whether the day exists is checked by the loader.
 */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** A sentence (or the exact part of one) copied verbatim from data/source/wco-partnerships.txt. */
export const quoteSchema = z.string().min(8, 'a provenance quote must be at least 8 characters');

export const nameSchema = z.string().trim().min(1).max(200);

export const agreementSchema = z.strictObject({
  type: z.enum(['MOU', 'Co-operation Agreement']),
  parties: z.array(nameSchema).min(2),
  /** null where the source names the agreement but gives no date at all. */
  date: partialDateSchema.nullable(),
  source: quoteSchema,
  /**
   * The focus areas (topic slugs, each one of the partner's) that the sentences naming this agreement tie it
   * to; empty when they name none (a bare "An MOU was signed on …").
   */
  topics: z.array(slugSchema),
});

export const milestoneSchema = z.strictObject({
  label: z.string().min(3).max(200),
  date: partialDateSchema,
  source: quoteSchema,
});

export const relatedBodySchema = z.strictObject({
  name: nameSchema,
  acronym: z.string().min(2).max(20).optional(),
  relation: z.string().min(3).max(200),
  source: quoteSchema,
});

export const programmeSchema = z.strictObject({
  name: nameSchema,
  acronym: z.string().min(2).max(20).optional(),
  source: quoteSchema,
});

export const locationSchema = z.strictObject({
  place: nameSchema,
  source: quoteSchema,
});

export const focusAreaSchema = z.strictObject({
  topic: slugSchema,
  /** One line in plain words on what this partner does in this area. */
  note: z.string().min(10).max(300),
  source: quoteSchema,
});

/** A fact that is not in the source but is well established, e.g. an acronym's expansion. */
export const externalFactSchema = z.strictObject({
  field: z.enum(['name', 'aliases', 'relatedBodies']),
  value: nameSchema,
  note: z.string().min(10),
});

export const partnerSchema = z.strictObject({
  id: slugSchema,
  name: nameSchema,
  acronym: z.string().min(2).max(20).optional(),
  /** Other names people type for this partner; each is searchable and must be unique across partners. */
  aliases: z.array(nameSchema),
  summary: z.string().min(20).max(1000),
  locations: z.array(locationSchema),
  agreements: z.array(agreementSchema),
  milestones: z.array(milestoneSchema),
  focusAreas: z.array(focusAreaSchema).min(1),
  programmes: z.array(programmeSchema),
  relatedBodies: z.array(relatedBodySchema),
  /** The sentences of the source that the summary rests on. */
  provenance: z.array(quoteSchema).min(1),
  external: z.array(externalFactSchema),
});

export const correctionSchema = z.strictObject({
  /** What was wrong in the source and what the dataset does about it. */
  issue: z.string().min(10),
  partner: slugSchema.optional(),
  /** Text replacements applied to the source before provenance quotes are matched. */
  replace: z.strictObject({ find: z.string().min(1), with: z.string().min(1) }).optional(),
});

export const partnersFileSchema = z.strictObject({
  $schema: z.string().optional(),
  source: z.strictObject({
    file: z.string().min(1),
    title: z.string().min(1),
    /**
     * When the page was retrieved, so that replies can say how current the data is; where that is not known,
     * when the source file entered the repository. The note says which, and why.
     */
    retrieved: z.strictObject({ date: partialDateSchema, note: z.string().min(10) }),
  }),
  corrections: z.array(correctionSchema),
  partners: z.array(partnerSchema).min(1),
});

export const topicSchema = z.strictObject({
  slug: slugSchema,
  label: z.string().min(2).max(80),
  description: z.string().min(10).max(200),
  synonyms: z.array(z.string().min(2).max(80)),
});

export const topicsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  topics: z.array(topicSchema).min(1),
});

export type PartialDate = z.infer<typeof partialDateSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type PartnersFile = z.infer<typeof partnersFileSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type TopicsFile = z.infer<typeof topicsFileSchema>;
