import { describe, expect, it } from 'vitest';
import { createMentionFinder } from '../src/mentions/find-mentions.js';
import { context } from './helpers/bot.js';

const finder = createMentionFinder(context.dataset);

/** Real-looking chat messages, the partners (ids) they refer to and the focus areas (slugs) they name. */
const table: { message: string; partners: string[]; topics?: string[] }[] = [
  { message: 'Who is coming to the WHO meeting on tobacco control?', partners: ['who'], topics: ['tobacco'] },
  { message: 'who knows where the minutes are? I looked everywhere', partners: [] },
  { message: 'Is it safe to call the api from the office network?', partners: [] },
  { message: 'Good morning all, coffee is in the kitchen', partners: [] },
  { message: 'Reminder: team lunch at 12:30, bring your badge', partners: [] },
  { message: 'The report cites three studies; none is conclusive.', partners: [] },
  { message: 'Our next seminar is in Geneva, hotel details to follow.', partners: [] },
  { message: 'Meeting moved to Vienna. Flights are booked.', partners: [] },
  { message: 'Please review the draft before Friday and send comments to Anna.', partners: [] },
  {
    message: 'OLAF flagged the shipment and Europol is coordinating.',
    partners: ['eu-authorities', 'europol'],
  },
  { message: 'INTERPOL and the WCO signed their MOU long ago, right?', partners: ['interpol'] },
  { message: 'interpol sent a notice about the suspect container', partners: ['interpol'], topics: [] },
  {
    message: 'Training for the Container Control Programme starts in May',
    partners: ['unodc'],
  },
  {
    message: 'Dog training in Almaty went well, 12 new detector dogs certified',
    partners: ['wco-regional-dog-training-centres'],
    topics: ['detector-dogs'],
  },
  {
    message: 'Visiting Heřmanice next week for the sniffer dogs course',
    partners: ['wco-regional-dog-training-centres'],
    topics: ['detector-dogs'],
  },
  {
    message: 'Visiting Hermanice next week for the sniffer dogs course',
    partners: ['wco-regional-dog-training-centres'],
    topics: ['detector-dogs'],
  },
  {
    message: 'The World Health Organisation published new guidance on falsified medicines',
    partners: ['who'],
    topics: ['public-health'],
  },
  {
    message: 'IATA wants airlines to send advance passenger information earlier',
    partners: ['icao'],
    topics: ['aviation'],
  },
  {
    message: 'The CITES secretariat asked about ivory seizures in the port',
    partners: ['cites'],
    topics: ['wildlife'],
  },
  {
    message: 'UNESCO and ICOM are co-hosting the cultural heritage workshop',
    partners: ['unesco', 'icom'],
    topics: ['cultural-property'],
  },
  {
    message: 'FATF plenary discussed money laundering through trade',
    partners: ['fatf'],
    topics: ['money-laundering'],
  },
  { message: 'GIABA and APG both sent observers', partners: ['fatf'] },
  // SAFE names OSCE's programme here, so it is not also counted as a focus area.
  { message: 'The SAFE Framework update is on the agenda', partners: ['osce'], topics: [] },
  {
    message: 'Can someone check the IAEA note on radioactive material at borders?',
    partners: ['iaea'],
    topics: ['nuclear-and-radioactive-material'],
  },
  {
    message: 'OPCW inspectors and chemical weapons precursors',
    partners: ['opcw'],
    topics: ['chemical-weapons', 'precursor-chemicals'],
  },
  {
    message: 'Organization for Security and Co-operation in Europe workshop on border security',
    partners: ['osce'],
    topics: ['supply-chain-security'],
  },
  { message: 'Organization for Security and Cooperation in Europe', partners: ['osce'] },
  { message: 'UNEP is launching a Green Customs Initiative module', partners: ['unep'], topics: [] },
  {
    message: 'The RILO network reported ozone depleting substances',
    partners: ['unep'],
    topics: ['ozone-depleting-substances'],
  },
  { message: 'Project PRISM results were shared by the INCB', partners: ['incb'] },
  { message: 'The United Nations Office on Drugs and Crime has a new head', partners: ['unodc'], topics: [] },
  {
    message: 'EMCDDA drug report is out; synthetic drugs are rising',
    partners: ['emcdda'],
    topics: ['drugs', 'precursor-chemicals'],
  },
  {
    message: 'WIPO and counterfeiting: anything new?',
    partners: ['wipo'],
    topics: ['intellectual-property'],
  },
  { message: 'The SECI Center in Bucharest hosted the regional meeting', partners: ['seci-center'] },
  { message: 'UNCTC asked about terrorist financing controls', partners: ['unctc'], topics: ['terrorism'] },
  { message: 'DG TAXUD will present the new customs reform', partners: ['eu-authorities'] },
  {
    message: 'Intellectual property conference in Geneva, who is going?',
    partners: ['wipo'],
    topics: ['intellectual-property'],
  },
  { message: 'The Hague is nice in spring', partners: [] },
  { message: 'hey, safe travels everyone!', partners: [] },
  { message: 'Who? WHO.', partners: ['who'] },
  { message: 'Whoever wrote WHOIS lookup docs, thanks', partners: [] },
];

describe('mentions in chat messages', () => {
  it.each(table)('$message', ({ message, partners, topics }) => {
    const found = finder.find(message);
    expect(found.partners.map((m) => m.partner.id).sort()).toEqual([...partners].sort());
    if (topics) expect(found.topics.map((m) => m.topic.slug).sort()).toEqual([...topics].sort());
  });

  it('has at least 30 messages, several naming no partner', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
    expect(table.filter((row) => row.partners.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it('gives as evidence the words of the message as written there', () => {
    const [mention] = finder.find('we met the  World Health\nOrganisation today').partners;
    expect(mention?.evidence).toEqual([
      { words: 'World Health Organisation', kind: 'name', means: 'World Health Organization' },
    ]);
    const [olaf] = finder.find('olaf? No: OLAF, the anti-fraud office').partners;
    expect(olaf?.evidence.map((e) => [e.words, e.kind, e.means])).toEqual([
      ['OLAF', 'related body', 'European Anti-Fraud Office'],
    ]);
  });
});
