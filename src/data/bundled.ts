/**
 * The dataset as plain JSON, for where there is no file system (the Cloudflare Worker): the build loads and
 * validates data/ with the usual loader (load.ts), takes its snapshot, and bundles it; the Worker turns it
 * back into a Dataset. No Node-only imports here.
 */
import { buildDataset, type Dataset } from './dataset.js';
import type { FrenchFile } from './french-schema.js';
import type { PartnersFile, Topic } from './schema.js';

export interface DatasetSnapshot {
  file: PartnersFile;
  topics: readonly Topic[];
  french?: FrenchFile;
}

/** The validated data, without the look-up maps (rebuilt from it): JSON.stringify gives the whole of it. */
export function snapshotOf(dataset: Dataset): DatasetSnapshot {
  const { source, corrections, partners, topics, french } = dataset;
  return {
    file: { source, corrections: [...corrections], partners: [...partners] },
    topics,
    ...(french ? { french } : {}),
  };
}

export function datasetFromSnapshot(snapshot: DatasetSnapshot): Dataset {
  return buildDataset(snapshot.file, snapshot.topics, snapshot.french);
}
