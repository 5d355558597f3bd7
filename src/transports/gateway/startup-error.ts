/**
 * How long logging in may take before the bot gives up (an unreachable API otherwise means minutes of
 * silence): 30 s. WCO_LOGIN_TIMEOUT_MS shortens it, for the test of this path only.
 */
export function loginTimeoutMs(): number {
  const fromEnv = Number(process.env.WCO_LOGIN_TIMEOUT_MS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 30_000;
}

export class LoginTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms / 1000} s`);
  }
}

/**
 * One line saying why the bot could not start and what to do, for any entry point (npm start, start:sharded).
 * Built from the error's status and code only: the token is never part of it.
 */
export function describeStartupError(error: unknown, apiUrl: string, action = 'start the bot'): string {
  const { status, code, cause } = (error ?? {}) as {
    status?: number;
    code?: unknown;
    cause?: { code?: unknown };
  };
  if (status === 401 || code === 'TokenInvalid') {
    return (
      'Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal ' +
      '(your application → Bot → Reset Token) and put the new one in .env'
    );
  }
  if (error instanceof LoginTimeout) {
    return `could not reach ${apiUrl} (${error.message}): check the network, a proxy or firewall, and DISCORD_API_URL`;
  }
  const networkCode =
    typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : undefined;
  if (networkCode && /^E[A-Z_]+$/.test(networkCode)) {
    return `could not reach ${apiUrl} (${networkCode}): check the network, a proxy or firewall, and DISCORD_API_URL`;
  }
  if (code === 'ShardingReadyDied' || code === 'ShardingReadyTimeout') {
    return 'a shard stopped before it was ready (its reason is on the line above); the bot did not start';
  }
  if (status === 403 || status === 404) {
    return `Discord refused the request (HTTP ${status}): check DISCORD_TOKEN and DISCORD_APPLICATION_ID`;
  }
  const name = error instanceof Error ? error.name : 'Error';
  return `could not ${action} (${name}${status ? `, HTTP ${status}` : ''}); run with LOG_LEVEL=debug for details`;
}

/** Rejects with LoginTimeout when `step` takes longer than loginTimeoutMs(). */
export function withinLoginTimeout<T>(step: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const ms = loginTimeoutMs();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LoginTimeout(ms)), ms);
  });
  return Promise.race([step, timeout]).finally(() => clearTimeout(timer));
}
