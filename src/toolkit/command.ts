import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandAutocompleteResponse,
  APIChatInputApplicationCommandInteraction,
  APIInteractionResponseChannelMessageWithSource,
  APIInteractionResponseUpdateMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import type { Messages } from '../i18n/index.js';
import type { QuestionEngine } from '../questions/index.js';
import type { PartnerSearch, TopicSearch } from '../search/types.js';

/** Everything a command handler may read. Built once at start-up; handlers never do I/O. */
export interface BotContext {
  dataset: Dataset;
  partnerSearch: PartnerSearch;
  topicSearch: TopicSearch;
  /** The texts of the reader's language: English here, replaced per interaction from its `locale` (handle.ts). */
  t: Messages;
  /** The commands the router dispatches to, handed in by whoever builds the context (commands/index.ts's registry). */
  commands: CommandRegistry;
  /** The question engine over `dataset`, built on the first question (interactions/locale-context.ts). */
  questions: () => QuestionEngine;
  /** The same context over the French view of the data (data/localized.ts), when the data has French texts. */
  french?: BotContext;
}

export type CommandResponse = APIInteractionResponseChannelMessageWithSource;
export type ComponentResponse =
  | APIInteractionResponseChannelMessageWithSource
  | APIInteractionResponseUpdateMessage;

/**
 * A component click, already decoded from its custom_id (see custom-id.ts): `action` picks the handler,
 * `args` are the values the command packed in when it made the component.
 */
export interface ComponentClick {
  interaction: APIMessageComponentInteraction;
  action: string;
  args: string[];
  /** The user who ran the command that made the message; a click by anyone else gets their own copy. */
  ownerId: string;
}

/** One slash command: its registration JSON and its pure handlers (interaction in, response out). */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: APIChatInputApplicationCommandInteraction, context: BotContext): CommandResponse;
  autocomplete?(
    interaction: APIApplicationCommandAutocompleteInteraction,
    context: BotContext,
  ): APIApplicationCommandAutocompleteResponse;
  /** Handlers for the buttons and select menus this command puts on its messages, by action name. */
  components?: ComponentHandlers;
}

export type ComponentHandlers = Record<
  string,
  (click: ComponentClick, context: BotContext) => ComponentResponse
>;

/**
 * A message command (Apps menu on a message, type 3). Its name is shown to people and may hold spaces and
 * capitals, so its buttons and menus are routed by `key` (a custom_id-safe word) instead.
 */
export interface MessageCommand {
  key: string;
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: APIMessageApplicationCommandInteraction, context: BotContext): CommandResponse;
  components?: ComponentHandlers;
}

/** Every command the router knows, by the names interactions and custom_ids carry. */
export interface CommandRegistry {
  commands: readonly Command[];
  messageCommands: readonly MessageCommand[];
  commandsByName: ReadonlyMap<string, Command>;
  messageCommandsByName: ReadonlyMap<string, MessageCommand>;
  /** The button and menu handlers by the name custom_ids carry: a slash command's name or a message command's key. */
  componentHandlersByName: ReadonlyMap<string, ComponentHandlers | undefined>;
}
