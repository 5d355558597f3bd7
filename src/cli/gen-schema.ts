// npm run gen-schema: regenerates data/*.schema.json from the zod schemas (a test keeps them in sync).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataJsonSchemas } from '../data/json-schema.js';
import { defaultDataDir } from '../data/paths.js';

for (const [name, text] of Object.entries(dataJsonSchemas())) {
  writeFileSync(join(defaultDataDir, name), text);
  console.log(`wrote data/${name}`);
}
