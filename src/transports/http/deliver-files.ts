/**
 * An HTTP interaction response must be JSON, so a reply with files is answered with a deferred response
 * (type 5, "thinking…"), then the original message is edited through the interaction webhook with a
 * multipart body (payload_json + files[n]). The interaction token is the only credential needed, and it
 * lives 15 minutes. On any failure the error is logged and the message is edited to the text fallback
 * instead, so the user is never left with "thinking…".
 */
import type { APIInteraction, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ReplyFile } from '../../interactions/files.js';
import type { Logger } from '../../logger.js';
import { replyFilePng } from '../../render/timeline-png.js';

/** Gives up on an edit that hangs. */
const editTimeoutMs = 30_000;
/** The interaction token's life, less a margin: no edit (nor wait for one) is started after it. */
const tokenLifeMs = 14 * 60_000;
const snowflake = /^\d{1,20}$/;
/** Discord's interaction tokens: letters, digits and `-_.` (base64url pieces joined by dots). */
const tokenCharacters = /^[\w.-]{1,500}$/;

/**
 * The webhook URL of the original message, built from request fields only once they look like what Discord
 * sends, each part encoded; undefined otherwise, or when the application is not the configured one.
 */
export function originalMessageUrl(
  apiUrl: string,
  interaction: APIInteraction,
  applicationId?: string,
): string | undefined {
  const { application_id: appId, token } = interaction;
  if (!snowflake.test(appId) || !tokenCharacters.test(token)) return undefined;
  if (applicationId !== undefined && appId !== applicationId) return undefined;
  return `${apiUrl}/v10/webhooks/${encodeURIComponent(appId)}/${encodeURIComponent(token)}/messages/@original`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait a 429 asks for: its Retry-After header, else its JSON retry_after (seconds), in ms. */
async function retryAfterMs(response: Response): Promise<number> {
  const body = (await response.json().catch(() => ({}))) as { retry_after?: unknown };
  const ms = Number(response.headers.get('retry-after') ?? body.retry_after) * 1000;
  return Number.isFinite(ms) && ms >= 0 ? ms : 1000;
}

/** One PATCH; a 429 is retried once, after the wait Discord asked for, if that ends before `deadline`. */
async function patch(url: string, body: FormData | string, deadline: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, {
      method: 'PATCH',
      body,
      headers: typeof body === 'string' ? { 'Content-Type': 'application/json' } : undefined,
      signal: AbortSignal.timeout(editTimeoutMs),
    });
    const rateLimited = response.status === 429;
    const waitMs = rateLimited ? await retryAfterMs(response) : 0;
    if (!rateLimited) await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return;
    if (!rateLimited || attempt > 1 || Date.now() + waitMs > deadline) {
      throw new Error(`Discord answered ${response.status} to the message edit`);
    }
    await sleep(waitMs);
  }
}

export async function editOriginalWithFiles(
  url: string,
  interaction: APIInteraction,
  data: APIInteractionResponseCallbackData,
  files: readonly ReplyFile[],
  logger?: Logger,
): Promise<void> {
  const deadline = Date.now() + tokenLifeMs;
  try {
    const form = new FormData();
    form.append('payload_json', JSON.stringify(data));
    files.forEach((file, index) => {
      form.append(`files[${index}]`, new Blob([replyFilePng(file)]), file.name);
    });
    const started = performance.now();
    await patch(url, form, deadline);
    logger?.info(
      {
        interactionId: interaction.id,
        files: files.map((file) => file.name),
        uploadMs: Math.round(performance.now() - started),
      },
      'reply file delivered',
    );
  } catch (error) {
    // The URL holds the interaction token: only the message is logged.
    logger?.error(
      { err: { message: (error as Error).message }, interactionId: interaction.id },
      'sending the reply file failed; sending the text instead',
    );
    const fallback = files[0]?.fallback ?? { content: 'Sorry, the picture could not be made.' };
    await patch(url, JSON.stringify({ ...fallback, attachments: [] }), deadline).catch(
      (fallbackError: unknown) =>
        logger?.error(
          { err: { message: (fallbackError as Error).message }, interactionId: interaction.id },
          'the text fallback failed too',
        ),
    );
  }
}
