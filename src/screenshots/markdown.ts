/**
 * Discord markdown (as in a message, an embed description or a field value) → the HTML elements of
 * @skyra/discord-components-core that draw it. discord-markdown-parser reads the inline and block syntax
 * as Discord does; lists (`- item`, `1. item`), which it leaves as text, are taken here line by line.
 * Every piece of text is escaped: the data quotes sentences with " and ' and may hold < or &.
 */
import { parse } from 'discord-markdown-parser';

interface Node {
  type: string;
  content?: string | Node[];
  target?: string;
  level?: number;
  timestamp?: string;
  format?: string;
  id?: string;
  lang?: string;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and for a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

function children(node: Node): string {
  const { content } = node;
  if (content === undefined) return '';
  return typeof content === 'string' ? escapeHtml(content) : content.map(nodeHtml).join('');
}

function wrap(tag: string, node: Node, attributes = ''): string {
  return `<${tag}${attributes}>${children(node)}</${tag}>`;
}

/** `<t:1700000000:D>` as a date: the screenshots show no clock, so one format for all styles. */
function timestampText(seconds: string | undefined): string {
  const date = new Date(Number(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? `<t:${seconds}>` : date.toISOString().slice(0, 10);
}

function nodeHtml(node: Node): string {
  switch (node.type) {
    case 'text':
      return children(node);
    case 'br':
    case 'newline':
      return '<br>';
    // Plain elements: discord-bold, -italic and -underlined put spaces around their text ("EMCDDA :").
    case 'strong':
      return wrap('strong', node);
    case 'em':
      return wrap('em', node);
    case 'underline':
      return wrap('u', node);
    case 'strike':
      return wrap('s', node);
    case 'spoiler':
      return wrap('discord-spoiler', node);
    case 'inlineCode':
      return wrap('discord-code', node);
    case 'codeBlock':
      return `<discord-code multiline>${escapeHtml(String(node.content ?? ''))}</discord-code>`;
    case 'blockQuote':
      return wrap('discord-quote', node);
    case 'heading':
      return wrap('discord-header', node, ` level="${Math.min(3, Math.max(1, node.level ?? 1))}"`);
    case 'subtext':
      return wrap('discord-subscript', node);
    case 'url':
    case 'autolink':
    case 'link':
      return wrap('discord-link', node, ` href="${escapeHtml(node.target ?? '')}"`);
    case 'timestamp':
      return `<discord-time>${escapeHtml(timestampText(node.timestamp))}</discord-time>`;
    case 'user':
      return '<discord-mention type="user">someone</discord-mention>';
    case 'channel':
      return '<discord-mention type="channel">channel</discord-mention>';
    case 'role':
      return '<discord-mention type="role">role</discord-mention>';
    case 'everyone':
    case 'here':
      return `<discord-mention type="role">${node.type}</discord-mention>`;
    default:
      return children(node);
  }
}

const listLine = /^\s*(?:([-*])|(\d{1,9})\.)\s+(.*)$/;

/** Discord markdown as discord-components HTML. */
export function markdownHtml(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | undefined;
  const flushParagraph = () => {
    if (paragraph.length) out.push(parse(paragraph.join('\n'), 'extended').map(nodeHtml).join(''));
    paragraph = [];
  };
  const flushList = () => {
    if (!list) return;
    const items = list.items.map((item) => `<discord-list-item>${inlineHtml(item)}</discord-list-item>`);
    out.push(
      list.ordered
        ? `<discord-ordered-list start="${list.start}">${items.join('')}</discord-ordered-list>`
        : `<discord-unordered-list>${items.join('')}</discord-unordered-list>`,
    );
    list = undefined;
  };
  for (const line of text.split('\n')) {
    const item = listLine.exec(line);
    if (item) {
      flushParagraph();
      const ordered = item[2] !== undefined;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, start: Number(item[2] ?? 1), items: [] };
      list.items.push(item[3] ?? '');
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return out.join('');
}

/** One line of markdown, without line breaks around it (a list item, a footer line). */
function inlineHtml(text: string): string {
  return parse(text, 'normal').map(nodeHtml).join('');
}
