// npm run gen-schema: regenerates data/*.schema.json from the zod schemas (a test keeps them in sync).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataJsonSchemas } from '../data/json-schema.js';
import { defaultDataDir } from '../data/paths.js';
import { entryPointArgs } from './args.js';

entryPointArgs(
  'npm run gen-schema',
  `Usage: npm run gen-schema [-- --help]

Regenerates data/partners.schema.json and data/topics.schema.json from the zod schemas of src/data/schema.ts
(editors use them to complete and check data/*.json; a test keeps them in sync).`,
  {},
);

for (const [name, text] of Object.entries(dataJsonSchemas())) {
  writeFileSync(join(defaultDataDir, name), text);
  console.log(`wrote data/${name}`);
}
