/**
 * The HTTP baseline: a bare node:http server that only verifies the Ed25519 signature and answers PONG. It is
 * the floor of what any interactions endpoint on this machine costs (HTTP parsing, reading the body, one
 * Ed25519 verification, a small JSON answer), run as a child process exactly like the real endpoint.
 *
 * With BASELINE_VERIFY=background it verifies on libuv's thread pool (node:crypto's callback form), as the
 * real endpoint does: an informational second baseline, so that the endpoint can also be compared like with like.
 *
 *   DISCORD_PUBLIC_KEY=<64 hex> PORT=<port> [BASELINE_VERIFY=background] node dist/bench/baseline-server.js
 */
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';

const publicKeyHex = process.env.DISCORD_PUBLIC_KEY ?? '';
const port = Number(process.env.PORT ?? 0);
const key = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKeyHex, 'hex')]),
  format: 'der',
  type: 'spki',
});
const pong = JSON.stringify({ type: 1 });
const inBackground = process.env.BASELINE_VERIFY === 'background';

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    const answer = (valid: boolean) => {
      if (!valid) {
        res
          .writeHead(401, { 'Content-Type': 'application/json' })
          .end('{"error":"invalid request signature"}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': pong.length }).end(pong);
    };
    if (typeof signature !== 'string' || typeof timestamp !== 'string') return answer(false);
    const message = Buffer.concat([Buffer.from(timestamp), ...chunks]);
    const signatureBytes = Buffer.from(signature, 'hex');
    try {
      if (inBackground) verify(null, message, key, signatureBytes, (error, valid) => answer(!error && valid));
      else answer(verify(null, message, key, signatureBytes));
    } catch {
      answer(false);
    }
  });
});
server.keepAliveTimeout = 5_000;
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
