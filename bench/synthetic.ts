import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../src/data/paths.js';
import type { Partner, PartnersFile, TopicsFile } from '../src/data/schema.js';

/**
 * Deterministic synthetic partners shaped like the real ones in data/partners.json, for scale tests and benchmarks:
 * long multi-word names, 2–6 letter acronyms, 0–3 aliases, sub-bodies, programmes, 100–300-word summaries and
 * 3–8 focus areas with the real topic slugs. Ids and acronyms are unique and never collide with a real partner's.
 */

/** mulberry32: a small seeded PRNG, so the same seed always gives the same partners. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCOPES = [
  'International',
  'Global',
  'Regional',
  'World',
  'Inter-American',
  'African',
  'Asian',
  'European',
  'Pacific',
  'Arab',
  'Caribbean',
  'Nordic',
  'Baltic',
  'Mediterranean',
  'Andean',
  'Eurasian',
  'Transatlantic',
  'Central Asian',
  'West African',
  'South American',
];
const BODIES = [
  'Organization',
  'Organisation',
  'Council',
  'Agency',
  'Commission',
  'Association',
  'Federation',
  'Forum',
  'Network',
  'Institute',
  'Union',
  'Secretariat',
  'Alliance',
  'Centre',
  'Board',
  'Office',
  'Authority',
  'Partnership',
  'Foundation',
  'Consortium',
];
const SUBJECTS = [
  'Maritime Safety',
  'Postal Services',
  'Port Management',
  'Rail Transport',
  'Road Freight',
  'Standards Development',
  'Veterinary Health',
  'Plant Protection',
  'Food Safety',
  'Border Management',
  'Tax Administration',
  'Revenue Authorities',
  'Financial Intelligence',
  'Migration Policy',
  'Export Credit',
  'Development Finance',
  'Trade Law',
  'Metrology',
  'Accreditation',
  'Statistics',
  'Energy Charter',
  'Fisheries Management',
  'Forest Stewardship',
  'Mine Action',
  'Aviation Security',
  'Pharmaceutical Inspection',
  'Customs Brokers',
  'Freight Forwarders',
  'Shipping Lines',
  'Container Terminals',
  'Express Carriers',
  'Supply Chain Integrity',
  'Anti-Corruption',
  'Public Procurement',
  'Judicial Cooperation',
  'Prosecutors',
  'Police Chiefs',
  'Coast Guards',
  'Forensic Science',
  'Cyber Security',
  'Data Protection',
  'Consumer Protection',
  'Competition Policy',
  'Intellectual Property Enforcement',
  'Animal Welfare',
  'Water Resources',
  'Climate Finance',
  'Health Emergencies',
  'Trade Facilitation',
  'Commodity Markets',
];
const REGIONS = [
  'Africa',
  'the Americas',
  'Asia and the Pacific',
  'Europe',
  'the Middle East',
  'the Caribbean',
  'Latin America',
  'the Balkans',
  'Southeast Asia',
  'the Sahel',
  'Oceania',
  'the Black Sea Region',
  'the Danube Basin',
  'the Gulf',
  'Central America',
];
const PROGRAMME_KINDS = [
  'Programme',
  'Initiative',
  'Project',
  'Framework',
  'Facility',
  'Mechanism',
  'Platform',
  'Task Force',
];
const PROGRAMME_THEMES = [
  'Risk Management',
  'Joint Inspection',
  'Capacity Development',
  'Electronic Certificates',
  'Single Window',
  'Cargo Targeting',
  'Passenger Screening',
  'Illicit Flows',
  'Green Corridors',
  'Digital Trade',
  'Integrity Development',
  'Laboratory Network',
  'Seizure Reporting',
  'Cross-Border Clearance',
  'Authorised Operators',
  'Transit Guarantee',
];
const CITIES = [
  'Abidjan',
  'Accra',
  'Addis Ababa',
  'Bangkok',
  'Bogotá',
  'Brasília',
  'Bucharest',
  'Cairo',
  'Dakar',
  'Doha',
  'Gaborone',
  'Hanoi',
  'Jakarta',
  'Kigali',
  'Kyiv',
  'Lima',
  'Lisbon',
  'Lomé',
  'Manila',
  'Montevideo',
  'Nairobi',
  'Nouméa',
  'Panamá',
  'Port Louis',
  'Rabat',
  'Riga',
  'San José',
  'Santiago',
  'Suva',
  'Tallinn',
  'Tbilisi',
  'Tunis',
  'Warsaw',
  'Zürich',
  'Valletta',
  'Ljubljana',
  'Bratislava',
  'Kraków',
  'Plzeň',
  'Göteborg',
];
const SUMMARY_WORDS = (
  'the a of and to in for with on by its their this that which under through between across among within ' +
  'organisation secretariat members member states customs administrations cooperation co-operation agreement ' +
  'memorandum understanding signed year annual meeting joint work programme projects standards guidelines ' +
  'best practices training workshops capacity building technical assistance information exchange data sharing ' +
  'risk management enforcement operations seizures smuggling trafficking illicit trade goods border controls ' +
  'inspection procedures clearance revenue collection transparency integrity governance partners stakeholders ' +
  'private sector industry carriers ports airports land crossings maritime routes supply chain security ' +
  'facilitation simplification harmonisation modernisation digital systems electronic declarations certificates ' +
  'laboratories analysis detection equipment officers experts network regional offices national focal points ' +
  'awareness campaigns publications reports studies research policy dialogue coordination support implementation ' +
  'monitoring evaluation outcomes results priorities strategy framework plan mandate observers conference ' +
  'declaration resolution convention protocol annex provisions obligations compliance verification audits ' +
  'statistics indicators surveys trends threats vulnerabilities criminal networks organised groups corruption ' +
  'environment health safety consumers protection rights property brands counterfeit products medicines tobacco ' +
  'wildlife species timber fisheries waste chemicals weapons explosives nuclear materials cultural objects ' +
  'funding donors budget resources staff headquarters founded established launched expanded renewed extended'
).split(' ');

interface RealData {
  topicSlugs: string[];
  /** Folded names, acronyms, aliases and words of real partners: synthetic acronyms avoid them all. */
  reserved: Set<string>;
  realIds: Set<string>;
}

let realData: RealData | undefined;

function loadRealData(): RealData {
  if (realData) return realData;
  const topics = JSON.parse(readFileSync(join(defaultDataDir, 'topics.json'), 'utf8')) as TopicsFile;
  const partners = JSON.parse(readFileSync(join(defaultDataDir, 'partners.json'), 'utf8')) as PartnersFile;
  const reserved = new Set<string>();
  const reserve = (text: string | undefined) => {
    if (!text) return;
    reserved.add(text.toLowerCase());
    for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) if (word) reserved.add(word);
  };
  for (const partner of partners.partners) {
    reserve(partner.name);
    reserve(partner.acronym);
    partner.aliases.forEach(reserve);
    for (const body of partner.relatedBodies) {
      reserve(body.name);
      reserve(body.acronym);
    }
    for (const programme of partner.programmes) {
      reserve(programme.name);
      reserve(programme.acronym);
    }
  }
  for (const topic of topics.topics) {
    reserve(topic.label);
    topic.synonyms.forEach(reserve);
  }
  realData = {
    topicSlugs: topics.topics.map((topic) => topic.slug),
    reserved,
    realIds: new Set(partners.partners.map((partner) => partner.id)),
  };
  return realData;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function syntheticPartners(count: number, seed = 1): Partner[] {
  const random = prng(seed);
  const { topicSlugs, reserved, realIds } = loadRealData();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const usedAcronyms = new Set<string>();
  const usedIds = new Set<string>(realIds);

  const acronym = (minLength = 2): string => {
    for (;;) {
      const length = between(minLength, 6);
      let letters = '';
      for (let i = 0; i < length; i++) letters += pick([...LETTERS]);
      if (!usedAcronyms.has(letters) && !reserved.has(letters.toLowerCase())) {
        usedAcronyms.add(letters);
        return letters;
      }
    }
  };
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  const sentence = () => `${pick(SCOPES)} ${pick(BODIES)} for ${pick(SUBJECTS)}`;
  const summary = () => {
    const words: string[] = [];
    const total = between(100, 300);
    while (words.length < total) words.push(pick(SUMMARY_WORDS));
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const source = 'Synthetic record for benchmarks; not in the source document.';

  const partners: Partner[] = [];
  for (let n = 0; n < count; n++) {
    const code = acronym();
    let id = `syn-${code.toLowerCase()}`;
    for (let k = 2; usedIds.has(id); k++) id = `syn-${code.toLowerCase()}-${k}`;
    usedIds.add(id);
    const name = random() < 0.5 ? `${sentence()} in ${pick(REGIONS)}` : sentence();
    const focusCount = between(3, Math.min(8, topicSlugs.length));
    const focus = shuffled(topicSlugs).slice(0, focusCount);
    partners.push({
      id,
      name,
      acronym: random() < 0.9 ? code : undefined,
      aliases: Array.from(
        { length: between(0, 3) },
        () => `${pick(SCOPES)} ${pick(SUBJECTS)} ${pick(BODIES)}`,
      ),
      summary: summary(),
      locations: Array.from({ length: between(0, 2) }, () => ({ place: pick(CITIES), source })),
      agreements: [
        { type: 'MOU', parties: ['WCO', code], date: `${between(1990, 2024)}`, source, topics: [] },
      ],
      milestones: [],
      focusAreas: focus.map((topic) => ({
        topic,
        note: `Works with the WCO on ${topic.replace(/-/g, ' ')}.`,
        source,
      })),
      programmes: Array.from({ length: between(0, 3) }, () => ({
        name: `${pick(PROGRAMME_THEMES)} ${pick(PROGRAMME_KINDS)}`,
        acronym: random() < 0.5 ? acronym(3) : undefined,
        source,
      })),
      relatedBodies: Array.from({ length: between(0, 3) }, () => ({
        name: `${pick(BODIES)} of ${pick(REGIONS)} on ${pick(SUBJECTS)}`,
        acronym: random() < 0.6 ? acronym(3) : undefined,
        relation: 'A regional body it works with.',
        source,
      })),
      provenance: [source],
      external: [],
    });
  }
  return partners;
}
