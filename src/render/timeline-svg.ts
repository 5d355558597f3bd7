/**
 * The agreements timeline drawn as SVG, from the dataset alone. Pure (no node: imports, no I/O), so it can
 * run anywhere; turning it into a PNG is timeline-png.ts's job. Text is measured by an estimate of DejaVu
 * Sans's advance widths, the font the PNG is rendered with.
 */
import { type AgreementEntry, allAgreements, councilDecisions } from '../data/agreements.js';
import type { Dataset } from '../data/dataset.js';
import { type DatePrecision, parsePartialDate } from '../data/dates.js';
import type { Partner } from '../data/schema.js';
import { en, type Messages } from '../i18n/index.js';

export const timelineSize = { width: 1200, height: 600 } as const;

const font = { family: 'DejaVu Sans', text: 17, small: 16, title: 26 } as const;
/** An opaque light card: dark text on it reads the same on Discord's dark and light themes. */
const ink = { background: '#f6f7f9', border: '#c9ced6', text: '#1c2430', muted: '#4b5563', grid: '#dde1e7' };
/** Colour-blind-aware palette (Okabe–Ito, then Tableau), dark enough for white-background contrast. */
const palette = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#8c6d00',
  '#56429c',
  '#c0392b',
  '#1b7f8c',
  '#6b7280',
  '#7a4a1e',
  '#2e7d32',
  '#ad1457',
];

/** One thing placed on the axis. */
export interface TimelineItem {
  partner: string;
  type: string;
  label: string;
  date: string;
  precision: DatePrecision;
  /** Start and end as fractional years (e.g. 1996.83 to 1996.92 for November 1996). */
  from: number;
  to: number;
  topic: string;
}

export interface TimelineModel {
  firstYear: number;
  lastYear: number;
  items: TimelineItem[];
  undated: string[];
  /** Focus areas in use, with their colour, in topics.json order. */
  legend: { topic: string; label: string; colour: string }[];
}

const shortName = (partner: Partner) => partner.acronym ?? partner.name;
const typeLabel = (type: string) => (type === 'MOU' ? 'MOU' : type.toLowerCase().replace(/^co/, 'Co'));

function span(date: string): { from: number; to: number; precision: DatePrecision } {
  const { year, month, day, precision } = parsePartialDate(date);
  if (month === undefined) return { from: year, to: year + 1, precision };
  const start = year + (month - 1) / 12;
  if (day === undefined) return { from: start, to: start + 1 / 12, precision };
  const at = start + (day - 1) / 365;
  return { from: at, to: at, precision };
}

/** The `type` of a timeline item drawn from a Council Decision milestone (its label is translated). */
const councilDecision = 'Council decision';

/** What the picture shows, worked out from the data; the SVG is drawn from this. */
export function timelineModel(dataset: Dataset, t: Messages = en): TimelineModel {
  const entries: AgreementEntry[] = allAgreements(dataset);
  const primaryTopic = (partner: Partner) => partner.focusAreas[0]?.topic ?? '';
  const items: TimelineItem[] = [];
  const undated: string[] = [];
  for (const { partner, agreement } of entries) {
    const name = shortName(partner);
    if (agreement.date === null) {
      const counterpart = agreement.parties.find((party) => !party.startsWith('WCO'));
      undated.push(counterpart && !counterpart.startsWith(name) ? `${name}: ${counterpart}` : name);
      continue;
    }
    const type = typeLabel(t.agreementType(agreement.type));
    items.push({
      partner: name,
      type,
      label: `${name} · ${type}`,
      date: agreement.date,
      ...span(agreement.date),
      topic: primaryTopic(partner),
    });
  }
  for (const { partner, milestone } of councilDecisions(dataset)) {
    const name = shortName(partner);
    items.push({
      partner: name,
      type: councilDecision,
      label: `${name} · ${t.councilDecision}`,
      date: milestone.date,
      ...span(milestone.date),
      topic: primaryTopic(partner),
    });
  }
  items.sort((a, b) => a.from - b.from || a.partner.localeCompare(b.partner));
  const years = items.flatMap((item) => [Math.floor(item.from), Math.ceil(item.to) - 1]);
  const used = new Set(items.map((item) => item.topic));
  const legend = dataset.topics
    .filter((topic) => used.has(topic.slug))
    .map((topic, index) => ({
      topic: topic.slug,
      label: topic.label,
      colour: palette[index % palette.length] as string,
    }));
  // The first and last years with an agreement or decision: the title's span is what the picture shows.
  return {
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    items,
    undated,
    legend,
  };
}

/** "15 dated agreements, 1 Council decision, 2 agreements with no date": what the picture counts. */
export function timelineCounts(model: TimelineModel, t: Messages = en): string {
  const decisions = model.items.filter((item) => item.type === councilDecision).length;
  return t.timelineCounts(model.items.length - decisions, decisions, model.undated.length);
}

/** Estimated width of a text in DejaVu Sans (average advance ~0.6 em, bold ~0.67 em). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const char of text) {
    if (char === ' ' || char === '·' || char === '.' || char === ',' || char === ':') em += 0.32;
    else if (/[il|'’]/.test(char)) em += 0.28;
    else if (/[A-Z]/.test(char)) em += 0.72;
    else if (/[mwMW]/.test(char)) em += 0.9;
    else em += 0.6;
  }
  return em * size * (bold ? 1.1 : 1);
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] as string,
  );
}

function text(
  x: number,
  y: number,
  content: string,
  {
    size = font.text as number,
    bold = false,
    fill = ink.text,
    anchor = 'start',
  }: { size?: number; bold?: boolean; fill?: string; anchor?: 'start' | 'middle' | 'end' } = {},
): string {
  const weight = bold ? ' font-weight="bold"' : '';
  const align = anchor === 'start' ? '' : ` text-anchor="${anchor}"`;
  // A halo in the background colour: guide lines passing behind a label never cut through its letters.
  const halo = ` stroke="${ink.background}" stroke-width="5" paint-order="stroke"`;
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}"${weight}${align} fill="${fill}"${halo}>${escapeXml(content)}</text>`;
}

/** Words wrapped into lines no wider than `width`. */
function wrap(content: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const plot = { left: 36, right: 820, top: 84, axisY: 512, laneHeight: 36, labelGap: 8 } as const;
const panel = { left: 862, right: 1184 } as const;

/** How a date's precision is drawn, on one line at the bottom: a dot, a short bar, a pale year-wide bar. */
function precisionKey(y: number, t: Messages): string[] {
  const cy = y - 5;
  let x = plot.left;
  const parts = [text(x, y, t.dateKnownToThe, { size: font.small, fill: ink.muted })];
  x += textWidth(t.dateKnownToThe, font.small) + 16;
  parts.push(`<circle cx="${x + 7}" cy="${cy}" r="7" fill="${ink.muted}"/>`, text(x + 20, y, t.precisionDay));
  x += 20 + textWidth(t.precisionDay, font.text) + 20;
  parts.push(
    `<rect x="${x + 2}" y="${cy - 7}" width="10" height="14" rx="5" fill="${ink.muted}"/>`,
    text(x + 20, y, t.precisionMonth),
  );
  x += 20 + textWidth(t.precisionMonth, font.text) + 20;
  parts.push(
    `<rect x="${x}" y="${cy - 6}" width="34" height="12" rx="6" fill="${ink.muted}" fill-opacity="0.35" stroke="${ink.muted}" stroke-width="2"/>`,
    text(x + 42, y, t.precisionYear),
  );
  return parts;
}

/** The timeline as an SVG document of timelineSize. */
export function timelineSvg(dataset: Dataset, t: Messages = en): string {
  return drawTimeline(timelineModel(dataset, t), dataset.source.title, t);
}

export function drawTimeline(model: TimelineModel, title: string, t: Messages = en): string {
  const { width, height } = timelineSize;
  const yearCount = model.lastYear - model.firstYear + 1;
  const yearWidth = (plot.right - plot.left) / yearCount;
  const xOf = (year: number) => plot.left + (year - model.firstYear) * yearWidth;
  const colourOf = new Map(model.legend.map((entry) => [entry.topic, entry.colour]));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font.family}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" rx="16" fill="${ink.background}" stroke="${ink.border}" stroke-width="2"/>`,
    text(plot.left, 44, t.svgTitle(model.firstYear, model.lastYear), {
      size: font.title,
      bold: true,
    }),
    text(plot.left, 68, timelineCounts(model, t), {
      size: font.small,
      fill: ink.muted,
    }),
  ];

  // The axis: a tick every year, a label every other year (a label per year would not fit at 14 px).
  for (let year = model.firstYear; year <= model.lastYear + 1; year++) {
    const x = xOf(year);
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="${plot.top}" x2="${x.toFixed(1)}" y2="${plot.axisY + 6}" stroke="${ink.grid}" stroke-width="1"/>`,
    );
    if (year <= model.lastYear && (year - model.firstYear) % 2 === 0) {
      parts.push(
        text(x + yearWidth / 2, plot.axisY + 26, String(year), { size: font.small, anchor: 'middle' }),
      );
    }
  }
  parts.push(
    `<line x1="${plot.left}" y1="${plot.axisY}" x2="${plot.right}" y2="${plot.axisY}" stroke="${ink.text}" stroke-width="2"/>`,
  );

  // Items in lanes from the axis upwards: each goes into the lowest lane where its label does not collide.
  const laneEnds: number[] = [];
  // Guide lines go in their own layer under every marker and label, so none is drawn across a label.
  const guides: string[] = [];
  const marks: string[] = [];
  for (const item of model.items) {
    const colour = colourOf.get(item.topic) ?? ink.muted;
    const x1 = xOf(item.from);
    const x2 = Math.max(xOf(item.to), x1);
    const labelWidth = textWidth(item.label, font.text);
    const labelRight = x2 + plot.labelGap + labelWidth <= panel.left - 8;
    const left = labelRight ? x1 - 8 : x1 - plot.labelGap - labelWidth - 8;
    const right = labelRight ? x2 + plot.labelGap + labelWidth + 8 : x2 + 8;
    let lane = laneEnds.findIndex((end) => end <= left);
    if (lane === -1) lane = laneEnds.push(right) - 1;
    else laneEnds[lane] = right;
    const y = plot.axisY - 26 - lane * plot.laneHeight;
    guides.push(
      `<line x1="${x1.toFixed(1)}" y1="${y}" x2="${x1.toFixed(1)}" y2="${plot.axisY}" stroke="${colour}" stroke-width="1" stroke-dasharray="2 3"/>`,
    );
    if (item.precision === 'day') {
      marks.push(`<circle cx="${x1.toFixed(1)}" cy="${y}" r="7" fill="${colour}"/>`);
    } else {
      // A span as wide as the date's uncertainty: the whole year, or the month (at least 10 px to be seen).
      const spanWidth = Math.max(x2 - x1, 10);
      const height = item.precision === 'year' ? 12 : 14;
      marks.push(
        `<rect x="${x1.toFixed(1)}" y="${y - height / 2}" width="${spanWidth.toFixed(1)}" height="${height}" rx="${height / 2}" fill="${colour}" fill-opacity="${item.precision === 'year' ? 0.35 : 1}" stroke="${colour}" stroke-width="2"/>`,
      );
    }
    const labelX = labelRight ? Math.max(x2, x1 + 10) + plot.labelGap : x1 - plot.labelGap;
    marks.push(text(labelX, y + 5, item.label, { anchor: labelRight ? 'start' : 'end' }));
  }
  parts.push(...guides, ...marks);

  // Side panel: focus-area colours and the undated agreements.
  let y = 44;
  parts.push(text(panel.left, y, t.legendFocusArea, { bold: true }));
  for (const entry of model.legend) {
    y += 24;
    parts.push(
      `<rect x="${panel.left}" y="${y - 12}" width="14" height="14" rx="3" fill="${entry.colour}"/>`,
    );
    parts.push(text(panel.left + 22, y, entry.label, { size: font.small }));
  }
  if (model.undated.length) {
    y += 36;
    parts.push(text(panel.left, y, t.dateNotStated, { bold: true }));
    for (const entry of model.undated) {
      const lines = wrap(`• ${entry}`, font.small, panel.right - panel.left);
      for (const [index, line] of lines.entries()) {
        y += index === 0 ? 22 : 18;
        parts.push(text(panel.left + (index === 0 ? 0 : 12), y, line, { size: font.small }));
      }
    }
  }
  parts.push(...precisionKey(height - 20, t));
  parts.push(
    text(width - 16, height - 20, t.svgSource(title), {
      size: font.small,
      fill: ink.muted,
      anchor: 'end',
    }),
  );
  parts.push('</svg>');
  return parts.join('\n');
}
