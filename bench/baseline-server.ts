/**
 * The two servers the HTTP endpoint is measured beside, each a child process like the real endpoint:
 *
 * - BASELINE=floor: a bare node:http server that reads the body, verifies the Ed25519 signature with
 *   node:crypto and answers PONG: the floor of what any interactions endpoint costs on this machine.
 * - BASELINE=peer: what a user would write instead: express with Discord's `discord-interactions` package and
 *   its `verifyKeyMiddleware` (WebCrypto), answering with the same router (handleInteraction), so the same reply.
 *
 *   DISCORD_PUBLIC_KEY=<64 hex> PORT=<port> BASELINE=floor|peer node dist/bench/baseline-server.js
 */
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { verifyKeyMiddleware } from 'discord-interactions';
import express from 'express';
import { loadBotContext } from '../src/interactions/create-context.js';
import { handleInteraction } from '../src/interactions/handle.js';

const publicKeyHex = process.env.DISCORD_PUBLIC_KEY ?? '';
const port = Number(process.env.PORT ?? 0);

function floor() {
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKeyHex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
  const pong = JSON.stringify({ type: 1 });
  return createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const signature = String(req.headers['x-signature-ed25519']);
      const message = Buffer.concat([Buffer.from(String(req.headers['x-signature-timestamp'])), ...chunks]);
      let valid = false;
      try {
        valid = verify(null, message, key, Buffer.from(signature, 'hex'));
      } catch {}
      if (!valid)
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"invalid signature"}');
      else
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': pong.length }).end(pong);
    });
  });
}

function peer() {
  const context = loadBotContext();
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post('/interactions', verifyKeyMiddleware(publicKeyHex), (req, res) => {
    res.json(handleInteraction(req.body, context));
  });
  return app;
}

const server =
  process.env.BASELINE === 'peer' ? peer().listen(port, '127.0.0.1') : floor().listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
