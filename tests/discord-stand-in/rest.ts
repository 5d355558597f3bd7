/**
 * REST half of the stand-in: a tiny router for the Discord HTTP API v10 routes a bot uses,
 * with request recording and fault injection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIAttachment, APIMessage } from 'discord-api-types/v10';
import { buildMessage, buildTextChannel, snowflake } from './payloads.js';
import type { KnownInteraction, StandInState } from './state.js';
import type {
  RecordedFile,
  RecordedRequest,
  RestFaultHandle,
  RestFaultKind,
  RestFaultSpec,
} from './types.js';
import { WaitableLog } from './waiters.js';

interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
}

interface RouteDef {
  method: string;
  template: string;
  matcher: PathMatcher;
  auth: boolean;
  handler: (ctx: RouteContext) => RouteResult;
}

interface ActiveFault {
  spec: RestFaultSpec;
  matcher: (method: string, path: string) => boolean;
  remaining: number;
  hits: RecordedRequest[];
}

type PathMatcher = (path: string) => Record<string, string> | null;

/** Compiles `/a/:b/*` templates; `:name` matches one segment, a trailing `*` the rest. */
export function compilePathTemplate(template: string): PathMatcher {
  const keys: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      if (segment === '*') {
        keys.push('rest');
        return '(.*)';
      }
      if (segment.startsWith(':')) {
        keys.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\@]/g, '\\$&');
    })
    .join('/');
  const regex = new RegExp(`^${source}/?$`);
  return (path) => {
    const match = regex.exec(path);
    if (!match) return null;
    const params: Record<string, string> = {};
    keys.forEach((key, index) => {
      params[key] = match[index + 1] ?? '';
    });
    return params;
  };
}

const json = (status: number, body: unknown): RouteResult => ({ status, body });
const noContent = (): RouteResult => ({ status: 204 });
const discordError = (status: number, code: number, message: string): RouteResult => ({
  status,
  body: { message, code },
});

/** Strips `/api` and `/vN` prefixes and URL-decodes every segment. */
export function normalizeApiPath(rawPath: string): string {
  const stripped = rawPath.replace(/^\/api(?=\/|$)/, '').replace(/^\/v\d+(?=\/|$)/, '') || '/';
  return stripped
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** Minimal multipart/form-data parser (enough for discord.js `payload_json` + `files[n]`). */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { fields: Map<string, string>; files: RecordedFile[] } {
  const fields = new Map<string, string>();
  const files: RecordedFile[] = [];
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const partStart = position + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // Part = CRLF headers CRLF CRLF content CRLF
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headerText = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headerText)?.[1] ?? '';
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
      const partType = /content-type:\s*([^\r\n]*)/i.exec(headerText)?.[1]?.trim() ?? null;
      if (
        filename !== null ||
        (partType !== null && !partType.startsWith('text/') && name !== 'payload_json')
      ) {
        files.push({
          field: name,
          filename,
          contentType: partType,
          size: content.length,
          data: Buffer.from(content),
        });
      } else {
        fields.set(name, content.toString('utf8'));
      }
    }
    position = next;
  }
  return { fields, files };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MESSAGE_FLAG_EPHEMERAL = 1 << 6;
const MESSAGE_FLAG_LOADING = 1 << 7;
const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';

export class RestStandIn {
  readonly log = new WaitableLog<RecordedRequest>('REST request');
  readonly #routes: RouteDef[] = [];
  readonly #faults: ActiveFault[] = [];
  readonly #commands = new Map<string, Record<string, unknown>[]>();
  #nextId = 1;

  constructor(private readonly state: StandInState) {
    this.#registerRoutes();
  }

  get requests(): readonly RecordedRequest[] {
    return this.log.items;
  }

  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = 5_000,
  ): Promise<RecordedRequest> {
    return this.log.waitFor(predicate, timeoutMs, () => {
      const recent = this.log.items.slice(-10).map((r) => `  ${r.method} ${r.path} -> ${r.status}`);
      return `Last requests:\n${recent.join('\n') || '  (none)'}`;
    });
  }

  /** Accepted (2xx, not faulted) interaction callbacks for an interaction id. */
  callbacksFor(interactionId: string): RecordedRequest[] {
    return this.log.items.filter(
      (r) =>
        r.route === CALLBACK_ROUTE && r.params.id === interactionId && r.fault === null && r.status < 300,
    );
  }

  injectFault(spec: RestFaultSpec): RestFaultHandle {
    const pathMatcher =
      typeof spec.path === 'string'
        ? compilePathTemplate(spec.path)
        : (path: string) => (spec.path as RegExp).test(path);
    const fault: ActiveFault = {
      spec,
      remaining: spec.times ?? 1,
      hits: [],
      matcher: (method, path) =>
        (spec.method === undefined || spec.method.toUpperCase() === method) && Boolean(pathMatcher(path)),
    };
    this.#faults.push(fault);
    return {
      spec,
      get remaining() {
        return fault.remaining;
      },
      get hits() {
        return fault.hits;
      },
      cancel: () => {
        fault.remaining = 0;
      },
    };
  }

  clearFaults(): void {
    for (const fault of this.#faults) fault.remaining = 0;
    this.#faults.length = 0;
  }

  /** Registered commands: global when `guildId` is omitted. */
  commands(guildId?: string): Record<string, unknown>[] {
    return this.#commands.get(guildId ?? 'global') ?? [];
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const parsedUrl = new URL(url, 'http://127.0.0.1');
    const path = normalizeApiPath(parsedUrl.pathname);
    const query = Object.fromEntries(parsedUrl.searchParams.entries());
    const rawBody = await readBody(req).catch(() => Buffer.alloc(0));
    const contentType = String(req.headers['content-type'] ?? '');

    let body: unknown = null;
    let files: RecordedFile[] = [];
    let parseError = false;
    if (rawBody.length > 0) {
      if (contentType.includes('multipart/form-data')) {
        const parsed = parseMultipart(rawBody, contentType);
        files = parsed.files;
        const payload = parsed.fields.get('payload_json');
        try {
          body = payload === undefined ? Object.fromEntries(parsed.fields) : JSON.parse(payload);
        } catch {
          parseError = true;
        }
      } else if (contentType.includes('application/json')) {
        try {
          body = JSON.parse(rawBody.toString('utf8'));
        } catch {
          parseError = true;
        }
      } else {
        body = rawBody.toString('utf8');
      }
    }

    let route: RouteDef | null = null;
    let params: Record<string, string> = {};
    for (const candidate of this.#routes) {
      if (candidate.method !== method) continue;
      const match = candidate.matcher(path);
      if (match) {
        route = candidate;
        params = match;
        break;
      }
    }

    const record: RecordedRequest = {
      id: this.#nextId++,
      method,
      url,
      path,
      route: route ? `${route.method} ${route.template}` : null,
      params,
      query,
      headers: { ...req.headers },
      body,
      files,
      time,
      status: 0,
      responseBody: null,
      fault: null,
    };

    let result: RouteResult;
    const fault = this.#faults.find((f) => f.remaining > 0 && f.matcher(method, path));
    if (fault) {
      fault.remaining -= 1;
      fault.hits.push(record);
      const faulted = this.#faultResult(fault.spec);
      result = faulted.result;
      record.fault = faulted.kind;
    } else if (parseError) {
      result = discordError(400, 50109, 'The request body contains invalid JSON.');
    } else if (!route) {
      if (this.state.logUnknownRoutes) console.warn(`[discord-stand-in] unknown route ${method} ${url}`);
      result = discordError(404, 0, '404: Not Found');
    } else if (
      route.auth &&
      this.state.token !== null &&
      req.headers.authorization !== `Bot ${this.state.token}`
    ) {
      result = discordError(401, 0, '401: Unauthorized');
    } else {
      try {
        result = route.handler({ method, path, params, query, body, files });
      } catch (error) {
        result = { status: 500, body: { message: `stand-in handler error: ${String(error)}`, code: 0 } };
      }
    }

    record.status = result.status;
    record.responseBody = result.body ?? null;
    this.log.push(record);

    const headers: Record<string, string> = { ...result.headers };
    if (result.status === 204 || result.body === undefined) {
      res.writeHead(result.status, headers);
      res.end();
    } else {
      const text = JSON.stringify(result.body);
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(text));
      res.writeHead(result.status, headers);
      res.end(text);
    }
  }

  #faultResult(spec: RestFaultSpec): { result: RouteResult; kind: RestFaultKind } {
    const status = spec.status ?? 429;
    if (status === 429) {
      const retryAfter = spec.retryAfter ?? 0.05;
      const headers: Record<string, string> = {
        'retry-after': String(retryAfter),
        'x-ratelimit-scope': spec.global ? 'global' : 'user',
      };
      if (spec.global) headers['x-ratelimit-global'] = 'true';
      return {
        kind: 'rate-limit',
        result: {
          status,
          headers,
          body: spec.body ?? {
            message: 'You are being rate limited.',
            retry_after: retryAfter,
            global: spec.global ?? false,
          },
        },
      };
    }
    if (status >= 500) {
      return {
        kind: 'server-error',
        result: { status, body: spec.body ?? { message: `${status}: Internal Server Error`, code: 0 } },
      };
    }
    return { kind: 'custom', result: { status, body: spec.body ?? { message: `${status}`, code: 0 } } };
  }

  #route(method: string, template: string, auth: boolean, handler: (ctx: RouteContext) => RouteResult): void {
    this.#routes.push({ method, template, matcher: compilePathTemplate(template), auth, handler });
  }

  #registerRoutes(): void {
    const state = this.state;
    const application = () => ({
      id: state.applicationId,
      name: state.botUser.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot: state.botUser,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: state.applicationFlags,
      owner: {
        ...state.botUser,
        id: state.guilds[0]?.ownerId ?? snowflake(),
        bot: false,
        username: 'owner',
      },
      team: null,
      approximate_guild_count: state.guilds.length,
      install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
      integration_types_config: { '0': {} },
      tags: [],
    });

    // --- gateway / identity -------------------------------------------------------------
    this.#route('GET', '/gateway/bot', true, () =>
      json(200, {
        url: state.gatewayUrl,
        shards: state.shards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      }),
    );
    this.#route('GET', '/gateway', false, () => json(200, { url: state.gatewayUrl }));
    this.#route('GET', '/users/@me', true, () => json(200, state.botUser));
    this.#route('GET', '/users/:userId', true, ({ params }) =>
      params.userId === state.botUser.id
        ? json(200, state.botUser)
        : json(200, {
            id: params.userId,
            username: `user-${params.userId}`,
            discriminator: '0',
            global_name: null,
            avatar: null,
          }),
    );
    this.#route('GET', '/applications/@me', true, () => json(200, application()));
    this.#route('GET', '/oauth2/applications/@me', true, () => json(200, application()));
    this.#route('PATCH', '/applications/@me', true, ({ body }) =>
      json(200, { ...application(), ...(isRecord(body) ? body : {}) }),
    );

    // --- application commands ------------------------------------------------------------
    for (const scope of ['global', 'guild'] as const) {
      const base =
        scope === 'global'
          ? '/applications/:appId/commands'
          : '/applications/:appId/guilds/:guildId/commands';
      const key = (params: Record<string, string>) =>
        scope === 'global' ? 'global' : (params.guildId ?? '');
      this.#route('GET', base, true, ({ params }) => json(200, this.#commands.get(key(params)) ?? []));
      this.#route('PUT', base, true, ({ params, body }) => {
        if (!Array.isArray(body)) return discordError(400, 50035, 'Invalid Form Body');
        const existing = this.#commands.get(key(params)) ?? [];
        const next = body.map((input) =>
          this.#normalizeCommand(
            input,
            params,
            existing.find((c) => sameCommand(c, input)),
          ),
        );
        this.#commands.set(key(params), next);
        return json(200, next);
      });
      this.#route('POST', base, true, ({ params, body }) => {
        if (!isRecord(body) || typeof body.name !== 'string')
          return discordError(400, 50035, 'Invalid Form Body');
        const list = this.#commands.get(key(params)) ?? [];
        const index = list.findIndex((c) => sameCommand(c, body));
        const command = this.#normalizeCommand(body, params, list[index]);
        if (index === -1) list.push(command);
        else list[index] = command;
        this.#commands.set(key(params), list);
        return json(index === -1 ? 201 : 200, command);
      });
      this.#route('GET', `${base}/:commandId`, true, ({ params }) => {
        const command = (this.#commands.get(key(params)) ?? []).find((c) => c.id === params.commandId);
        return command ? json(200, command) : discordError(404, 10063, 'Unknown application command');
      });
      this.#route('PATCH', `${base}/:commandId`, true, ({ params, body }) => {
        const list = this.#commands.get(key(params)) ?? [];
        const index = list.findIndex((c) => c.id === params.commandId);
        const current = list[index];
        if (!current) return discordError(404, 10063, 'Unknown application command');
        const updated = { ...current, ...(isRecord(body) ? body : {}), version: snowflake() };
        list[index] = updated;
        return json(200, updated);
      });
      this.#route('DELETE', `${base}/:commandId`, true, ({ params }) => {
        const list = this.#commands.get(key(params)) ?? [];
        const index = list.findIndex((c) => c.id === params.commandId);
        if (index === -1) return discordError(404, 10063, 'Unknown application command');
        list.splice(index, 1);
        return noContent();
      });
    }

    // --- interactions -----------------------------------------------------------------------
    this.#route('POST', '/interactions/:id/:token/callback', false, (ctx) => this.#interactionCallback(ctx));

    this.#route('GET', '/webhooks/:appId/:token/messages/:messageId', false, ({ params }) => {
      const interaction = state.interactionByToken(params.token ?? '');
      const message = interaction ? findWebhookMessage(interaction, params.messageId ?? '') : undefined;
      return message ? json(200, message) : discordError(404, 10008, 'Unknown Message');
    });
    this.#route('PATCH', '/webhooks/:appId/:token/messages/:messageId', false, ({ params, body, files }) => {
      const interaction = state.interactionByToken(params.token ?? '');
      if (!interaction) return discordError(404, 10015, 'Unknown Webhook');
      const message = findWebhookMessage(interaction, params.messageId ?? '');
      if (!message) return discordError(404, 10008, 'Unknown Message');
      const updated = this.#applyMessageData(message, body, files, true);
      if (params.messageId === '@original' || message.id === interaction.original?.id)
        interaction.original = updated;
      else interaction.followUps.set(updated.id, updated);
      return json(200, updated);
    });
    this.#route('DELETE', '/webhooks/:appId/:token/messages/:messageId', false, ({ params }) => {
      const interaction = state.interactionByToken(params.token ?? '');
      const message = interaction ? findWebhookMessage(interaction, params.messageId ?? '') : undefined;
      if (!interaction || !message) return discordError(404, 10008, 'Unknown Message');
      if (message.id === interaction.original?.id) interaction.original = null;
      else interaction.followUps.delete(message.id);
      return noContent();
    });
    this.#route('POST', '/webhooks/:appId/:token', false, ({ params, body, files, query }) => {
      const interaction = state.interactionByToken(params.token ?? '');
      if (!interaction?.acknowledged) return discordError(404, 10015, 'Unknown Webhook');
      const message = this.#applyMessageData(this.#interactionMessage(interaction), body, files, false);
      interaction.followUps.set(message.id, message);
      return query.wait === 'true' ? json(200, message) : noContent();
    });

    // --- channels / guilds (for bots that look around) ---------------------------------
    this.#route('GET', '/channels/:channelId', true, ({ params }) => {
      const guild = state.guilds.find((g) => g.channelId === params.channelId);
      if (!guild) return discordError(404, 10003, 'Unknown Channel');
      return json(200, buildTextChannel(guild.id, guild.channelId, guild.channelName));
    });
    this.#route('POST', '/channels/:channelId/messages', true, ({ params, body, files }) => {
      const guild = state.guilds.find((g) => g.channelId === params.channelId);
      const base = buildMessage({
        channelId: params.channelId ?? '',
        guildId: guild?.id ?? null,
        author: state.botUser,
      });
      return json(200, this.#applyMessageData(base, body, files, false));
    });
    this.#route('GET', '/guilds/:guildId', true, ({ params }) => {
      const guild = state.guilds.find((g) => g.id === params.guildId);
      if (!guild) return discordError(404, 10004, 'Unknown Guild');
      return json(200, { id: guild.id, name: guild.name, icon: null, owner_id: guild.ownerId, features: [] });
    });
  }

  #normalizeCommand(
    input: unknown,
    params: Record<string, string>,
    existing: Record<string, unknown> | undefined,
  ): Record<string, unknown> {
    const data = isRecord(input) ? input : {};
    const command: Record<string, unknown> = {
      id: existing?.id ?? snowflake(),
      application_id: this.state.applicationId,
      version: snowflake(),
      type: 1,
      name_localizations: null,
      description: '',
      description_localizations: null,
      default_member_permissions: null,
      nsfw: false,
      ...data,
    };
    if (params.guildId) command.guild_id = params.guildId;
    else {
      command.integration_types ??= [0];
      command.contexts ??= null;
    }
    return command;
  }

  #interactionCallback({ params, body, files, query }: RouteContext): RouteResult {
    const id = params.id ?? '';
    const token = params.token ?? '';
    const state = this.state;
    let interaction = state.interactions.get(id);
    if (interaction && interaction.token !== token) return discordError(401, 50027, 'Invalid Webhook Token');
    if (!isRecord(body) || typeof body.type !== 'number')
      return discordError(400, 50035, 'Invalid Form Body');
    interaction ??= state.rememberInteraction({
      id,
      token,
      type: 2,
      channel_id: state.guilds[0]?.channelId,
      guild_id: state.guilds[0]?.id,
    });
    if (interaction.acknowledged) {
      return discordError(400, 40060, 'Interaction has already been acknowledged.');
    }
    const type = body.type;
    if (![1, 4, 5, 6, 7, 8, 9, 10, 12].includes(type)) return discordError(400, 50035, 'Invalid Form Body');
    interaction.acknowledged = true;
    interaction.responseType = type;

    let message: APIMessage | null = null;
    if (type === 4 || type === 5) {
      const base = this.#interactionMessage(interaction);
      message = this.#applyMessageData(base, body.data, files, false);
      if (type === 5) message.flags = ((message.flags ?? 0) | MESSAGE_FLAG_LOADING) as APIMessage['flags'];
      interaction.original = message;
    } else if (type === 7 && interaction.message) {
      message = this.#applyMessageData(interaction.message, body.data, files, true);
      interaction.message = message;
      interaction.original = message;
    } else if (type === 6 && interaction.message) {
      interaction.original = interaction.message;
    }

    if (query.with_response !== 'true') return noContent();
    const flags = Number(message?.flags ?? 0);
    return json(200, {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (flags & MESSAGE_FLAG_LOADING) !== 0,
              response_message_ephemeral: (flags & MESSAGE_FLAG_EPHEMERAL) !== 0,
            }
          : {}),
      },
      resource: message ? { type, message } : { type },
    });
  }

  #interactionMessage(interaction: KnownInteraction): APIMessage {
    return buildMessage({
      channelId: interaction.channelId ?? this.state.guilds[0]?.channelId ?? snowflake(),
      guildId: interaction.guildId,
      author: this.state.botUser,
      applicationId: this.state.applicationId,
      webhookId: this.state.applicationId,
      interactionMetadata: interaction.user
        ? ({
            id: interaction.id,
            type: interaction.type,
            user: interaction.user,
            authorizing_integration_owners: interaction.guildId ? { 0: interaction.guildId } : {},
          } as APIMessage['interaction_metadata'])
        : undefined,
    });
  }

  /** Applies a message create/edit body (content, embeds, components, flags, attachments) to a message. */
  #applyMessageData(message: APIMessage, data: unknown, files: RecordedFile[], isEdit: boolean): APIMessage {
    const next: APIMessage = { ...message };
    if (isRecord(data)) {
      if (typeof data.content === 'string') next.content = data.content;
      if (Array.isArray(data.embeds)) next.embeds = data.embeds as APIMessage['embeds'];
      if (Array.isArray(data.components)) next.components = data.components as APIMessage['components'];
      if (typeof data.flags === 'number') {
        const preserved = Number(message.flags ?? 0) & MESSAGE_FLAG_EPHEMERAL;
        next.flags = (data.flags | preserved) as APIMessage['flags'];
      }
      if (Array.isArray(data.attachments) || files.length > 0) {
        next.attachments = this.#attachments(data.attachments, files);
      }
    }
    if (isEdit) {
      next.flags = (Number(next.flags ?? 0) & ~MESSAGE_FLAG_LOADING) as APIMessage['flags'];
      next.edited_timestamp = new Date().toISOString();
    }
    return next;
  }

  #attachments(declared: unknown, files: RecordedFile[]): APIAttachment[] {
    const list = Array.isArray(declared) ? declared.filter(isRecord) : [];
    const result: APIAttachment[] = [];
    files.forEach((file, index) => {
      const fieldIndex = /\[(\d+)\]/.exec(file.field)?.[1] ?? String(index);
      const meta = list.find((a) => String(a.id) === fieldIndex);
      const id = snowflake();
      const filename = typeof meta?.filename === 'string' ? meta.filename : (file.filename ?? `file${index}`);
      result.push({
        id,
        filename,
        size: file.size,
        url: `${this.state.httpUrl}/attachments/${id}/${encodeURIComponent(filename)}`,
        proxy_url: `${this.state.httpUrl}/attachments/${id}/${encodeURIComponent(filename)}`,
        ...(file.contentType ? { content_type: file.contentType } : {}),
      });
    });
    // Attachments kept from an earlier version of the message (edits reference them by snowflake id).
    for (const meta of list) {
      if (typeof meta.id === 'string' && meta.id.length > 5 && typeof meta.filename === 'string') {
        result.push(meta as unknown as APIAttachment);
      }
    }
    return result;
  }
}

function sameCommand(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return false;
  return a.name === b.name && (a.type ?? 1) === (b.type ?? 1);
}

function findWebhookMessage(interaction: KnownInteraction, messageId: string): APIMessage | undefined {
  if (messageId === '@original') return interaction.original ?? undefined;
  if (interaction.original?.id === messageId) return interaction.original;
  return interaction.followUps.get(messageId);
}
