/** Every platform Raize has a connector for; the connector registry is typed by this union. */
export const PLATFORM_IDS = ['sandbox', 'instagram', 'facebook', 'linkedin', 'x', 'tiktok', 'youtube'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export function isPlatformId(value: string): value is PlatformId {
  return (PLATFORM_IDS as readonly string[]).includes(value);
}
