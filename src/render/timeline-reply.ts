import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { cardColours, sourceFooter } from '../cards/style.js';
import type { Dataset } from '../data/dataset.js';
import { en, type Messages } from '../i18n/index.js';
import type { CommandResponse } from '../toolkit/command.js';
import { withFiles } from '../toolkit/files.js';
import { reply } from '../toolkit/replies.js';
import { timelineCounts, timelineModel, timelineSvg } from './timeline-svg.js';

export const timelineFileName = 'timeline.png';

/**
 * /mou view:timeline: one embed showing the picture, which the transports attach as timeline.png.
 * `fallback` is the text timeline, sent instead when the picture cannot be made or uploaded.
 */
export function timelinePictureReply(
  dataset: Dataset,
  fallback: APIInteractionResponseCallbackData,
  t: Messages = en,
): CommandResponse {
  const model = timelineModel(dataset);
  const { firstYear, lastYear } = model;
  const response = reply({
    embeds: [
      {
        title: t.pictureTitle(firstYear, lastYear),
        description: t.pictureDescription(timelineCounts(model, t)),
        color: cardColours.agreements,
        image: { url: `attachment://${timelineFileName}` },
        footer: { text: sourceFooter(dataset.source.title, t) },
      },
    ],
    attachments: [{ id: '0', filename: timelineFileName, description: t.pictureAlt }],
  });
  return withFiles(response, [{ name: timelineFileName, svg: () => timelineSvg(dataset, t), fallback }]);
}
