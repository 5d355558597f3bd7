import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIInteractionResponseCallbackData,
  APISelectMenuOption,
} from 'discord-api-types/v10';
import { ComponentType } from '../toolkit/discord-enums.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const discordLimits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author across all embeds of one message. */
  embedsTotal: 6000,
  actionRows: 5,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Cuts text to at most `max` characters (code points kept whole), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/u.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Hands out a shared character budget: each piece gets what is left, then the budget shrinks. */
class Budget {
  constructor(public left: number) {}
  take(text: string, max: number): string {
    const fitted = truncate(text, Math.min(max, this.left));
    this.left -= fitted.length;
    return fitted;
  }
}

function fitEmbed(embed: APIEmbed, budget: Budget): APIEmbed | undefined {
  const fitted: APIEmbed = { ...embed };
  if (embed.title !== undefined) fitted.title = budget.take(embed.title, discordLimits.embedTitle);
  if (embed.author)
    fitted.author = { ...embed.author, name: budget.take(embed.author.name, discordLimits.authorName) };
  if (embed.description !== undefined) {
    fitted.description = budget.take(embed.description, discordLimits.embedDescription);
  }
  if (embed.footer)
    fitted.footer = { ...embed.footer, text: budget.take(embed.footer.text, discordLimits.footerText) };
  if (embed.fields) {
    fitted.fields = [];
    for (const field of embed.fields.slice(0, discordLimits.embedFields)) {
      const name = budget.take(field.name, discordLimits.fieldName);
      const value = budget.take(field.value, discordLimits.fieldValue);
      if (!name || !value) break;
      fitted.fields.push({ ...field, name, value });
    }
  }
  if (fitted.footer && !fitted.footer.text) delete fitted.footer;
  if (fitted.author && !fitted.author.name) delete fitted.author;
  const hasText = fitted.title || fitted.description || fitted.fields?.length || fitted.footer;
  return hasText ? fitted : undefined;
}

function fitOption(option: APISelectMenuOption): APISelectMenuOption {
  return {
    ...option,
    label: truncate(option.label, discordLimits.selectOptionLabel),
    description:
      option.description === undefined
        ? undefined
        : truncate(option.description, discordLimits.selectOptionDescription),
  };
}

function fitRow(
  row: APIActionRowComponent<APIComponentInMessageActionRow>,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    ...row,
    components: row.components.map((component) => {
      if (component.type === ComponentType.StringSelect) {
        return {
          ...component,
          placeholder:
            component.placeholder === undefined
              ? undefined
              : truncate(component.placeholder, discordLimits.selectPlaceholder),
          options: component.options.slice(0, discordLimits.selectOptions).map(fitOption),
        };
      }
      if (component.type === ComponentType.Button && 'label' in component && component.label !== undefined) {
        return { ...component, label: truncate(component.label, discordLimits.buttonLabel) };
      }
      return component;
    }),
  };
}

/**
 * The one place every outgoing message is made to fit Discord's limits, including the 6,000-character
 * total across embeds that discord.js builders do not check. Also forbids every mention.
 */
export function fitMessage(data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData {
  const fitted: APIInteractionResponseCallbackData = { ...data, allowed_mentions: { parse: [] } };
  if (data.content !== undefined) fitted.content = truncate(data.content, discordLimits.content);
  if (data.embeds) {
    const budget = new Budget(discordLimits.embedsTotal);
    fitted.embeds = data.embeds
      .slice(0, discordLimits.embeds)
      .map((embed) => fitEmbed(embed, budget))
      .filter((embed): embed is APIEmbed => embed !== undefined);
  }
  if (data.components) {
    fitted.components = data.components
      .slice(0, discordLimits.actionRows)
      .map((row) =>
        row.type === ComponentType.ActionRow
          ? fitRow(row as APIActionRowComponent<APIComponentInMessageActionRow>)
          : row,
      );
  }
  return fitted;
}

/** Characters that count towards the 6,000 total, for tests and checks. */
export function embedsTotalLength(embeds: readonly APIEmbed[] = []): number {
  return embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      (embed.fields ?? []).reduce((fields, field) => fields + field.name.length + field.value.length, 0),
    0,
  );
}
