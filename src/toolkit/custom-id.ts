/**
 * Stateless, versioned custom_ids: everything a click needs travels in the id itself, so any process
 * (another shard, another HTTP replica) can answer it. Format: `v1:<command>:<action>:<ownerId>[:<arg>...]`.
 */
const version = 'v1';
const maxLength = 100;
const safePart = /^[A-Za-z0-9_.-]*$/;
const snowflake = /^\d{1,20}$/;

export interface DecodedCustomId {
  command: string;
  action: string;
  ownerId: string;
  args: string[];
}

export function encodeCustomId(
  command: string,
  action: string,
  ownerId: string,
  ...args: (string | number)[]
): string {
  const parts = [version, command, action, ownerId, ...args.map(String)];
  for (const part of parts) {
    if (!safePart.test(part))
      throw new Error(`custom_id part "${part}" has characters outside [A-Za-z0-9_.-]`);
  }
  const id = parts.join(':');
  if (id.length > maxLength) throw new Error(`custom_id longer than ${maxLength} characters: ${id}`);
  return id;
}

/** Decodes an id made by encodeCustomId; anything else (old versions, forged ids) gives null. */
export function decodeCustomId(id: string): DecodedCustomId | null {
  if (id.length > maxLength) return null;
  const [prefix, command, action, ownerId, ...args] = id.split(':');
  if (prefix !== version || !command || !action || ownerId === undefined || !snowflake.test(ownerId))
    return null;
  if (![command, action, ownerId, ...args].every((part) => safePart.test(part))) return null;
  return { command, action, ownerId, args };
}
