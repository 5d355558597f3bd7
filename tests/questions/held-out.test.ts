/**
 * The held-out set: questions written, with what the answer must say, BEFORE the question engine was tuned.
 * Each row checks the answer's sentences and the partners shown under them against the data.
 */
import { describe, it } from 'vitest';
import { checkCase, type QuestionCase } from './cases.js';

const notPartner = /not one of the 20 partners/i;

const heldOut: QuestionCase[] = [
  // When
  { q: 'When did the WCO sign with ICOM?', partners: ['icom'], says: ['1 January 2000'] },
  { q: 'when did the wco sign with unesco', partners: ['unesco'], says: ['26 October 2000'] },
  { q: 'When did UNODC sign an MOU?', partners: ['unodc'], says: ['November 1996', '18 March 2010'] },
  {
    q: 'What was the first agreement with UNODC?',
    partners: ['unodc'],
    says: ['November 1996'],
    never: ['2010'],
  },
  { q: 'newest MOU with UNODC', partners: ['unodc'], says: ['18 March 2010'], never: ['November 1996'] },
  { q: 'When did the WCO sign with WIPO?', partners: ['wipo'], says: [/no (signed )?agreement/i] },
  {
    q: 'when did the WCO sign an agreement with the UN Counter-Terrorism Committee',
    partners: ['unctc'],
    says: [/no (signed )?agreement/i],
  },
  {
    q: 'When were the dog training centre MOUs signed?',
    partners: ['wco-regional-dog-training-centres'],
    says: [/no date/i],
  },
  {
    q: 'when did the WCO join the Green Customs Initiative?',
    partners: ['unep'],
    says: ['2001', 'Green Customs'],
    never: [/MOU[^.]*2001/],
  },
  { q: 'when was the SECI MOU signed', partners: ['seci-center'], says: ['25 March 2005'] },
  { q: 'Did the WCO sign anything with INTERPOL in 2002?', partners: ['interpol'], says: ['2003'] },
  { q: 'when was the EMCDDA set up', partners: ['emcdda'], says: ['1993'], never: [/MOU[^.]*1993/] },
  { q: 'what agreement with europol', partners: ['europol'], says: ['2002', 'Co-operation Agreement'] },
  // Which partners: by subject, by agreement, by place
  { q: 'who trains sniffer dogs', partners: ['wco-regional-dog-training-centres'] },
  { q: 'who deals with falsified medicines', partners: ['who'] },
  { q: 'who covers terrorist financing', partners: ['fatf', 'unctc'] },
  { q: 'which partners help with nuclear smuggling', partners: ['iaea'] },
  { q: 'organisations fighting money laundering', partners: ['fatf'] },
  { q: 'partners on illegal wildlife trade', partners: ['cites'] },
  { q: 'who works on cultural property', partners: ['icom', 'interpol', 'unesco'] },
  {
    q: 'which partners never signed anything with the WCO',
    partners: ['eu-authorities', 'fatf', 'opcw', 'osce', 'unctc', 'wipo'],
  },
  { q: 'which MOUs are undated', partners: ['wco-regional-dog-training-centres'], says: ['2'] },
  { q: 'which partners are based in Geneva', partners: ['wipo'], says: ['Geneva'] },
  { q: 'who is based in Vienna', partners: ['incb'], says: ['Vienna'] },
  // About a partner, sub-body or programme; where
  {
    q: 'what is DG Justice',
    partners: ['eu-authorities'],
    says: ['Directorate General for Justice and Consumers'],
  },
  { q: 'what is Project Cohesion', partners: ['incb'], says: ['Project Cohesion'] },
  { q: 'what does the WCO do with the IAEA', partners: ['iaea'], says: ['nuclear'] },
  { q: 'what does the WHO do with the WCO?', partners: ['who'] },
  { q: 'where does the OPCW sit?', partners: ['opcw'], says: ['The Hague, Netherlands'] },
  { q: 'where is the FATF based?', partners: ['fatf'], says: [/does not say|doesn't say|not stated/i] },
  // Periods
  { q: 'which agreements were signed in 2003?', partners: ['interpol', 'unep'] },
  { q: 'MOUs signed before 1998', partners: ['cites', 'unodc'] },
  { q: 'agreements after 2005', partners: ['emcdda', 'unodc', 'icao', 'incb'] },
  { q: 'agreements since 2005', partners: ['seci-center', 'emcdda', 'unodc', 'icao', 'incb'] },
  { q: 'agreements between 2000 and 2002', partners: ['icom', 'unesco', 'who', 'europol'] },
  { q: 'agreements in the 1990s', partners: ['cites', 'unodc', 'iaea'] },
  { q: 'what was the latest agreement', partners: ['incb'], says: ['12 April 2012'] },
  { q: 'earliest MOU', including: ['unodc'], says: ['1996'] },
  { q: 'agreements signed in July 2002', partners: ['who', 'europol'], says: [/possibl/i] },
  { q: 'what was signed on 13 May 1998', partners: ['iaea'] },
  // How many
  { q: 'how many MOUs are there', kind: 'count', says: ['16', '14', '2'] },
  { q: 'how many agreements has the WCO signed', kind: 'count', says: ['17'] },
  { q: 'how many partners', kind: 'count', says: ['20'] },
  {
    q: 'how many partners work on drugs',
    kind: 'count',
    says: ['4'],
    partners: ['emcdda', 'incb', 'interpol', 'unodc'],
  },
  // Two partners
  { q: 'what do WHO and INTERPOL both work on', partners: ['who', 'interpol'], says: [/tobacco/i] },
  { q: 'compare CITES and UNEP', partners: ['cites', 'unep'] },
  // Not a partner; anything else
  { q: 'is the IMF a partner?', kind: 'notPartner', partners: [], says: [notPartner] },
  { q: 'does the WCO have an MOU with the WTO?', kind: 'notPartner', partners: [], says: [notPartner] },
  { q: 'does the WCO work with NATO', kind: 'notPartner', partners: [], says: [notPartner] },
  { q: 'does the WCO work with the Red Cross?', kind: 'notPartner', partners: [], says: [notPartner] },
  { q: 'is INTERPOL a partner?', partners: ['interpol'], says: [/yes/i] },
  { q: "what's the weather like tomorrow", kind: 'howToAsk', partners: [] },
  // French
  {
    q: "quand l'OMD a-t-elle signé avec l'UNESCO ?",
    locale: 'fr',
    partners: ['unesco'],
    says: ['26 octobre 2000'],
  },
  { q: "combien de protocoles d'accord ?", locale: 'fr', kind: 'count', says: ['16'] },
  { q: "qui travaille sur le blanchiment d'argent ?", locale: 'fr', partners: ['fatf'] },
  {
    q: 'quels accords ont été signés entre 2000 et 2002 ?',
    locale: 'fr',
    partners: ['icom', 'unesco', 'who', 'europol'],
  },
  {
    q: "où siège l'OIAC ?",
    locale: 'fr',
    partners: ['opcw'],
    says: ['La Haye|The Hague'].map((s) => new RegExp(s)),
  },
  { q: "l'OMS est-elle partenaire ?", locale: 'fr', partners: ['who'] },
  { q: 'est-ce que le FMI est un partenaire ?', locale: 'fr', kind: 'notPartner', partners: [] },
];

describe('questions held out from tuning', () => {
  it.each(heldOut)('$q', (c) => checkCase(c));
});
