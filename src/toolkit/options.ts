import type {
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
} from 'discord-api-types/v10';
import { ApplicationCommandOptionType } from './discord-enums.js';

type Options = readonly APIApplicationCommandInteractionDataOption[] | undefined;

function basic(options: Options, name: string): APIApplicationCommandInteractionDataBasicOption | undefined {
  const found = options?.find((option) => option.name === name);
  return found && 'value' in found ? found : undefined;
}

/** Option readers that trust nothing: a value of the wrong type reads as absent. */
export function stringOption(options: Options, name: string): string | undefined {
  const option = basic(options, name);
  return option?.type === ApplicationCommandOptionType.String && typeof option.value === 'string'
    ? option.value
    : undefined;
}

export function integerOption(options: Options, name: string): number | undefined {
  const option = basic(options, name);
  return option?.type === ApplicationCommandOptionType.Integer && Number.isSafeInteger(option.value)
    ? (option.value as number)
    : undefined;
}

export function booleanOption(options: Options, name: string): boolean | undefined {
  const option = basic(options, name);
  return option?.type === ApplicationCommandOptionType.Boolean && typeof option.value === 'boolean'
    ? option.value
    : undefined;
}

/** The option the user is typing in, for autocomplete: its name and the text so far. */
export function focusedOption(options: Options): { name: string; value: string } | undefined {
  const focused = options?.find((option) => 'focused' in option && option.focused);
  if (!focused || !('value' in focused)) return undefined;
  const { value } = focused;
  return typeof value === 'string' || typeof value === 'number'
    ? { name: focused.name, value: String(value) }
    : undefined;
}
