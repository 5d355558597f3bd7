import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  /** Everything the server sent, as latin1. */
  text: string;
}

/**
 * One HTTP/1.1 exchange on a fresh connection, for what fetch will not send (duplicate or odd-case headers,
 * lying lengths, slow bodies): writes `parts`, `gapMs` apart, then half-closes the connection if `end`.
 * Resolves once the server closed the connection, with the status it answered.
 */
export function rawExchange(
  url: string,
  parts: (string | Buffer)[],
  { gapMs = 0, end = false }: { gapMs?: number; end?: boolean } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', () => {
      // A reset after the answer (we were still sending) is fine; the answer is what matters.
    });
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      if (status) resolve({ status, text });
      else reject(new Error(`no HTTP answer: ${JSON.stringify(text)}`));
    });
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) break;
        socket.write(part);
        if (gapMs) await new Promise((done) => setTimeout(done, gapMs));
      }
      if (end && !socket.destroyed) socket.end();
    });
  });
}
