/**
 * data/fr.json: the bot's own words in French, beside the English data (partners.json, topics.json). Names and
 * acronyms, summaries, focus-area notes, milestone labels, relation lines and the focus areas themselves. Quotes
 * are not here: Sources shows them as the source wrote them, in English. Lists are in the order of the English
 * record they translate (milestones[0] translates the English milestones[0]); validate-data checks the file is
 * complete (french.ts).
 */
import * as z from 'zod';
import { externalFactSchema, nameSchema, slugSchema, topicSchema } from './schema.js';

const acronymSchema = z.string().min(2).max(20);

export const frenchPartnerSchema = z.strictObject({
  /** The id of the English record this translates. */
  id: slugSchema,
  /** The French name: the official one where the organisation has one (recorded in `external`), else the bot's. */
  name: nameSchema,
  acronym: acronymSchema.optional(),
  /**
   * How a French sentence names the partner: its acronym (or, without one, its name) with the article French
   * gives it ("l’UNESCO", "le GAFI", "les Autorités de l’UE"), or none where usage has none ("INTERPOL",
   * "Europol"). validate-data checks it is one of those forms (french.ts).
   */
  inSentence: nameSchema,
  /** Other French names people type (searchable, like the English aliases). */
  aliases: z.array(nameSchema),
  summary: z.string().min(20).max(1000),
  /** Each focus area's note, by topic slug: the same areas as the English record. */
  focusAreas: z.record(slugSchema, z.string().min(10).max(300)),
  milestones: z.array(z.string().min(3).max(200)),
  programmes: z.array(z.strictObject({ name: nameSchema, acronym: acronymSchema.optional() })),
  relatedBodies: z.array(
    z.strictObject({
      name: nameSchema,
      acronym: acronymSchema.optional(),
      relation: z.string().min(3).max(200),
      /**
       * For a body that signs an agreement (the dog centres' Customs): how "avec …" names it, with its article
       * ("le Comité de contrôle douanier …", "l’Administration des douanes …"); the same rule as a partner's.
       */
      inSentence: nameSchema.optional(),
    }),
  ),
  locations: z.array(nameSchema),
  /**
   * The French names that are not in the source (which is in English) but are well established, such as an
   * organisation's official French name, each with a note in French saying where it comes from.
   */
  external: z.array(externalFactSchema),
});

export const frenchFileSchema = z.strictObject({
  $schema: z.string().optional(),
  /** The World Customs Organization itself, named in French replies (not from the source: its official name). */
  wco: z.strictObject({ name: nameSchema, acronym: acronymSchema, note: z.string().min(10) }),
  /** Said of an official English name that the source does not give (it uses only the acronym). */
  englishNameNote: z.string().min(10),
  partners: z.array(frenchPartnerSchema).min(1),
  /** Each focus area in French, by the slug of the English one (slugs are ids and stay as they are). */
  topics: z.array(topicSchema).min(1),
});

export type FrenchPartner = z.infer<typeof frenchPartnerSchema>;
export type FrenchFile = z.infer<typeof frenchFileSchema>;
