/**
 * The floor under the 10,000-partner start-up figure: a bare Node process that reads and parses WCO_DATA_DIR's
 * partners.json, as any start that loads the data as JSON must, then answers every request with 200. No checks, no
 * index, no bot. bench/startup.ts times it exactly as it times the endpoint.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

JSON.parse(readFileSync(join(process.env.WCO_DATA_DIR ?? '.', 'partners.json'), 'utf8'));
createServer((_request, response) => response.end('ok')).listen(Number(process.env.PORT), process.env.HOST);
