import * as z from 'zod';
import { frenchFileSchema } from './french-schema.js';
import { partnersFileSchema, topicsFileSchema } from './schema.js';

/** JSON Schemas generated from the zod schemas, so editors complete and check the data files. */
export function dataJsonSchemas(): Record<
  'partners.schema.json' | 'topics.schema.json' | 'fr.schema.json',
  string
> {
  const render = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { target: 'draft-2020-12' }) }, null, 2)}\n`;
  return {
    'partners.schema.json': render(partnersFileSchema, 'WCO partner organisations (wco-partner-bot)'),
    'topics.schema.json': render(topicsFileSchema, 'WCO cooperation focus areas (wco-partner-bot)'),
    'fr.schema.json': render(frenchFileSchema, 'French texts of the WCO partner data (wco-partner-bot)'),
  };
}
