/** Every status a post (publish job, publishing episode) can be in; the database, API, web app and workflow use these. */
export const PUBLISH_STATUSES = [
  'scheduled',
  'awaiting_approval',
  'approved',
  'paused',
  'publishing',
  'published',
  'verified',
  'unverified',
  'denied',
  'rejected',
  'cancelled',
  'failed',
  'quarantined',
] as const;
export type PublishStatus = (typeof PUBLISH_STATUSES)[number];

/** Statuses after which the episode has ended: nothing can change the post any more. */
export const FINAL_PUBLISH_STATUSES: readonly PublishStatus[] = [
  'verified',
  'unverified',
  'denied',
  'rejected',
  'cancelled',
  'failed',
  'quarantined',
];

export function isFinalPublishStatus(status: string): boolean {
  return (FINAL_PUBLISH_STATUSES as readonly string[]).includes(status);
}

export function isPublishStatus(status: string): status is PublishStatus {
  return (PUBLISH_STATUSES as readonly string[]).includes(status);
}
