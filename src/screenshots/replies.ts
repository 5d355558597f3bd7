/**
 * The replies `npm run screenshots` draws, and how each becomes a page: the command line goes through the
 * same router as Discord's interactions (as `npm run ask --json` does), clicks included, and the payload
 * Discord would get is turned into a fake Discord message.
 */
import type { APIInteraction, APIInteractionResponse, Locale } from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import { handleInteraction } from '../interactions/handle.js';
import { replyFilePng } from '../render/timeline-png.js';
import type { BotContext } from '../toolkit/command.js';
import { InteractionResponseType } from '../toolkit/discord-enums.js';
import { filesOf } from '../toolkit/files.js';
import { followClicks } from '../transports/local/clicks.js';
import { parseLine } from '../transports/local/message-line.js';
import { createLocalSession, shownName } from '../transports/local/parse-command-line.js';
import { type Layout, messageHtml } from './message-html.js';

export interface Shot {
  /** The picture's file name, without language, width and extension. */
  name: string;
  line: string;
  /** The line a user of that language types instead, where the words typed differ (a French search word). */
  lineIn?: Partial<Record<Language, string>>;
  clicks?: readonly string[];
}

export const shots: readonly Shot[] = [
  { name: 'partner-interpol', line: '/partner who:interpol' },
  // Two agreements with no date and two places: the card issue 24 found hardest to read on a phone.
  { name: 'partner-dog-centres', line: '/partner who:dog training' },
  { name: 'partner-interpol-sources', line: '/partner who:interpol', clicks: ['Sources'] },
  { name: 'mou', line: '/mou' },
  { name: 'mou-2003', line: '/mou year:2003' },
  { name: 'mou-timeline', line: '/mou view:timeline' },
  { name: 'topic-drugs', line: '/topic area:drugs' },
  // A word several focus areas share: the reply offers each of them (issue 24).
  { name: 'topic-smuggling', line: '/topic area:smuggling', lineIn: { fr: '/topic area:contrebande' } },
  { name: 'help', line: '/help' },
  { name: 'ask-unesco', line: '/ask question:"when did the wco sign with unesco?"' },
];

export const layouts: Readonly<Record<Layout, number>> = { laptop: 1000, phone: 400 };
export const languages = { en: 'en-US', fr: 'fr' } as const;
export type Language = keyof typeof languages;

/** A square picture with a word on it (Discord rounds it): drawn here, so the page loads nothing. */
function badge(background: string, text: string, size: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80"><rect width="80" height="80" fill="${background}"/><text x="40" y="${40 + size * 0.36}" font-family="sans-serif" font-size="${size}" font-weight="700" fill="#fff" text-anchor="middle">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
const botAvatar = badge('#1f5fa8', 'WCO', 26);
const userAvatar = badge('#3ba55c', 'A', 44);

/** The reply a shot shows, as Discord would get it; or what went wrong (a command or click the bot refused). */
export function answerShot(
  shot: Shot,
  language: Language,
  context: BotContext,
): { ok: true; response: APIInteractionResponse; commandName: string } | { ok: false; error: string } {
  const session = createLocalSession({ locale: languages[language] as Locale });
  const parsed = parseLine(shot.lineIn?.[language] ?? shot.line, commands, session);
  if (!parsed.ok) return parsed;
  const answer = (interaction: APIInteraction) =>
    handleInteraction(interaction, context, (error) => {
      throw error;
    });
  const commandName = parsed.interaction.data.name;
  const followed = followClicks(
    { response: answer(parsed.interaction), commandName },
    shot.clicks ?? [],
    answer,
    session,
  );
  return followed.ok ? { ...followed, commandName } : followed;
}

/** The page HTML for a reply: its pictures inlined, the command above it unless a click brought it. */
export function replyHtml(
  response: APIInteractionResponse,
  {
    commandName,
    clicked,
    language,
    layout,
  }: {
    commandName: string;
    clicked: boolean;
    language: Language;
    layout: Layout;
  },
): string {
  const command = commands.find((candidate) => candidate.data.name === commandName);
  // A message, with or without embeds (a bare text and a menu, like /topic's "pick one", too).
  const message =
    response.type === InteractionResponseType.ChannelMessageWithSource ||
    response.type === InteractionResponseType.UpdateMessage;
  const data = message ? (response.data ?? {}) : {};
  const attachments = Object.fromEntries(
    (filesOf(response) ?? []).map((file) => [
      file.name,
      `data:image/png;base64,${replyFilePng(file).toString('base64')}`,
    ]),
  );
  return messageHtml(data, {
    layout,
    attachments,
    command: clicked
      ? undefined
      : {
          name: shownName(command?.data ?? { name: commandName }, languages[language] as Locale),
          user: 'Ana',
          avatar: userAvatar,
        },
    author: { name: 'WCO Partners', avatar: botAvatar },
    timestamp: 'Today at 09:30',
  });
}
