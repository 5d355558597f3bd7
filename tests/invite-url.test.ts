/** The invite link `npm run deploy` prints and the README shows: both scopes, and only the permissions replies use. */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { botPermissions, inviteUrl } from '../src/interactions/registration.js';

describe('inviteUrl', () => {
  const url = new URL(inviteUrl('1290000000000000001'));

  it('adds the bot and its commands for this application', () => {
    expect(`${url.origin}${url.pathname}`).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('1290000000000000001');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(['applications.commands', 'bot']);
  });

  it('asks for what a reply to an @mention needs, and nothing that moderates or manages', () => {
    const asked = BigInt(url.searchParams.get('permissions') ?? '0');
    expect(asked).toBe(botPermissions);
    for (const needed of [
      'ViewChannel',
      'SendMessages',
      'EmbedLinks',
      'AttachFiles',
      'ReadMessageHistory',
    ] as const)
      expect(asked & PermissionFlagsBits[needed], needed).not.toBe(0n);
    for (const never of [
      'Administrator',
      'ManageMessages',
      'MentionEveryone',
      'KickMembers',
      'ManageGuild',
    ] as const)
      expect(asked & PermissionFlagsBits[never], never).toBe(0n);
  });
});
