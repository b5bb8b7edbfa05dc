/**
 * The values of the `RaizeEpisodeKind` search attribute: which episode a workflow is. Metrics and diagnostics count
 * episodes by these; a kind missing here is still counted, as `other`.
 */
export const EPISODE_KINDS = [
  'publish',
  'engagement',
  'ingest_poll',
  'creation',
  'planning',
  'report',
  'analytics',
  'account_tokens',
  'receipt',
] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];

export function isEpisodeKind(value: string): value is EpisodeKind {
  return (EPISODE_KINDS as readonly string[]).includes(value);
}
