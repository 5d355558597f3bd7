// The Cloudflare Worker's entry (`npm run worker:build` bundles it): the bundled dataset, its search indexes
// built once per isolate, and the web-standard fetch handler.
import snapshot from 'wco:dataset';
import { commandRegistry } from '../../../commands/index.js';
import { datasetFromSnapshot } from '../../data/bundled.js';
import { en } from '../../i18n/index.js';
import { createPartnerSearch, createTopicSearch } from '../../search/index.js';
import { createWorker } from './handler.js';

const dataset = datasetFromSnapshot(snapshot);

export default createWorker({
  dataset,
  partnerSearch: createPartnerSearch(dataset.partners, dataset.topics),
  topicSearch: createTopicSearch(dataset.topics),
  t: en,
  commands: commandRegistry,
});
