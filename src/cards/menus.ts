import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInMessageActionRow,
  APISelectMenuOption,
} from 'discord-api-types/v10';
import type { Partner } from '../data/schema.js';
import { ButtonStyle, ComponentType } from '../toolkit/discord-enums.js';
import { discordLimits, truncate } from './limits.js';
import { shortName } from './partner-card.js';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A partner as a select menu option: its short name, and its full name (never marked †) below. */
function partnerOption(partner: Partner): APISelectMenuOption {
  return {
    label: truncate(shortName(partner), discordLimits.selectOptionLabel),
    value: partner.id,
    description:
      partner.acronym && !partner.name.split(/\s+/).includes(partner.acronym)
        ? truncate(partner.name, discordLimits.selectOptionDescription)
        : undefined,
  };
}

/** A select menu whose values are partner ids; picking one opens that partner's card. */
export function partnerSelectRow(
  customId: string,
  partners: readonly Partner[],
  placeholder: string,
): ActionRow {
  const seen = new Set<string>();
  const options: APISelectMenuOption[] = [];
  for (const partner of partners) {
    if (seen.has(partner.id) || options.length === discordLimits.selectOptions) continue;
    seen.add(partner.id);
    options.push(partnerOption(partner));
  }
  return selectRow(customId, options, placeholder);
}

export function selectRow(customId: string, options: APISelectMenuOption[], placeholder: string): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.StringSelect, custom_id: customId, placeholder, options }],
  };
}

export function buttonRow(buttons: APIButtonComponentWithCustomId[]): ActionRow {
  return { type: ComponentType.ActionRow, components: buttons };
}

export function button(customId: string, label: string, disabled = false): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label, disabled };
}
