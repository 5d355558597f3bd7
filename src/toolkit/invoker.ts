import type { APIInteraction } from 'discord-api-types/v10';

const snowflake = /^\d{1,20}$/;

/** The user who typed or clicked: member.user in a guild, user in DMs; '0' when the payload has neither. */
export function invokerId(interaction: APIInteraction): string {
  const id = interaction.member?.user?.id ?? interaction.user?.id;
  return typeof id === 'string' && snowflake.test(id) ? id : '0';
}
