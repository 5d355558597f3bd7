/**
 * An HTTP interaction response must be JSON, so a reply with files is answered with a deferred response
 * (type 5, "thinking…"), then the original message is edited through the interaction webhook with a
 * multipart body (payload_json + files[n]). The interaction token is the only credential needed, and it
 * lives 15 minutes; rendering and uploading take well under that. On any failure the error is logged
 * and the message is edited to the text fallback instead, so the user is never left with "thinking…".
 */
import type { APIInteraction, APIInteractionResponseCallbackData } from 'discord-api-types/payloads/v10';
import type { Logger } from '../../logger.js';
import { replyFilePng } from '../../render/timeline-png.js';
import { InteractionResponseType } from '../../toolkit/discord-enums.js';
import type { ReplyFile } from '../../toolkit/files.js';

/** Type 5: "thinking…", ephemeral when the reply will be (the flag cannot change in the edit). */
export function deferredResponseBody(data: APIInteractionResponseCallbackData): string {
  return JSON.stringify({
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(data.flags ? { data: { flags: data.flags } } : {}),
  });
}

/** Gives up on an edit that hangs, well inside the token's 15 minutes. */
const editTimeoutMs = 30_000;

function originalMessageUrl(apiUrl: string, interaction: APIInteraction): string {
  return `${apiUrl}/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`;
}

async function patch(url: string, body: FormData | string): Promise<void> {
  const response = await fetch(url, {
    method: 'PATCH',
    body,
    headers: typeof body === 'string' ? { 'Content-Type': 'application/json' } : undefined,
    signal: AbortSignal.timeout(editTimeoutMs),
  });
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`Discord answered ${response.status} to the message edit`);
}

export async function editOriginalWithFiles(
  apiUrl: string,
  interaction: APIInteraction,
  data: APIInteractionResponseCallbackData,
  files: readonly ReplyFile[],
  logger?: Logger,
): Promise<void> {
  const url = originalMessageUrl(apiUrl, interaction);
  try {
    const form = new FormData();
    form.append('payload_json', JSON.stringify(data));
    files.forEach((file, index) => {
      form.append(`files[${index}]`, new Blob([replyFilePng(file)]), file.name);
    });
    const started = performance.now();
    await patch(url, form);
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
    await patch(url, JSON.stringify({ ...fallback, attachments: [] })).catch((fallbackError: unknown) =>
      logger?.error(
        { err: { message: (fallbackError as Error).message }, interactionId: interaction.id },
        'the text fallback failed too',
      ),
    );
  }
}
