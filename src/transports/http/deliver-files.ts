/**
 * A reply with files is answered "thinking…" (type 5: an HTTP response must be JSON), then the original message
 * is edited through the interaction webhook with payload_json + files[n]; the interaction token, valid 15
 * minutes, is the only credential. On a failure the text fallback is sent instead, never leaving "thinking…".
 */

import { setTimeout as sleep } from 'node:timers/promises';
import type { APIInteraction, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { Logger } from '../../logger.js';
import { replyFilePng } from '../../render/timeline-png.js';
import type { ReplyFile } from '../../toolkit/files.js';

const editTimeoutMs = 30_000;
/** The token's life less a margin: no edit, nor wait for one, after it. */
const tokenLifeMs = 14 * 60_000;

/**
 * The original message's webhook URL, built from request fields only when they look like Discord's (an
 * application id of digits, the configured one when set; a token of letters, digits, `-_.`), each part encoded.
 */
export function originalMessageUrl(apiUrl: string, interaction: APIInteraction, applicationId?: string) {
  const { application_id: appId, token } = interaction;
  const valid =
    /^\d{1,20}$/.test(appId) && /^[\w.-]{1,500}$/.test(token) && appId === (applicationId ?? appId);
  return valid
    ? `${apiUrl}/v10/webhooks/${encodeURIComponent(appId)}/${encodeURIComponent(token)}/messages/@original`
    : undefined;
}

/** The wait a 429 asks for: its Retry-After header, else its JSON retry_after (seconds), in ms. */
async function retryAfterMs(response: Response): Promise<number> {
  const body = (await response.json().catch(() => ({}))) as { retry_after?: unknown };
  const ms = Number(response.headers.get('retry-after') ?? body.retry_after) * 1000;
  return Number.isFinite(ms) && ms >= 0 ? ms : 1000;
}

/** One PATCH; a 429 is retried once, after the wait Discord asked for, if that ends before `deadline`. */
async function patch(url: string, body: FormData | string, deadline: number): Promise<void> {
  const headers = typeof body === 'string' ? { 'Content-Type': 'application/json' } : undefined;
  const send = () =>
    fetch(url, { method: 'PATCH', body, headers, signal: AbortSignal.timeout(editTimeoutMs) });
  let response = await send();
  if (response.status === 429) {
    const waitMs = await retryAfterMs(response);
    if (Date.now() + waitMs <= deadline) {
      await sleep(waitMs);
      response = await send();
    }
  }
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`Discord answered ${response.status} to the message edit`);
}

export async function editOriginalWithFiles(
  url: string,
  interaction: APIInteraction,
  data: APIInteractionResponseCallbackData,
  files: readonly ReplyFile[],
  logger?: Logger,
): Promise<void> {
  const deadline = Date.now() + tokenLifeMs;
  const interactionId = interaction.id;
  try {
    const form = new FormData();
    form.append('payload_json', JSON.stringify(data));
    files.forEach((file, index) => {
      form.append(`files[${index}]`, new Blob([replyFilePng(file)]), file.name);
    });
    const started = performance.now();
    await patch(url, form, deadline);
    const uploadMs = Math.round(performance.now() - started);
    logger?.info({ interactionId, files: files.map((file) => file.name), uploadMs }, 'reply file delivered');
  } catch (error) {
    // The URL holds the interaction token: only the message is logged.
    const message = (error as Error).message;
    logger?.error(
      { err: { message }, interactionId },
      'sending the reply file failed; sending the text instead',
    );
    const fallback = files[0]?.fallback ?? { content: 'Sorry, the picture could not be made.' };
    await patch(url, JSON.stringify({ ...fallback, attachments: [] }), deadline).catch((failure: Error) =>
      logger?.error({ err: { message: failure.message }, interactionId }, 'the text fallback failed too'),
    );
  }
}
