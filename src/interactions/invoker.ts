import type { APIInteraction } from 'discord-api-types/v10';

/** The user who typed or clicked: member.user in a guild, user in DMs. */
export function invokerId(interaction: APIInteraction): string {
  return interaction.member?.user.id ?? interaction.user?.id ?? '0';
}
