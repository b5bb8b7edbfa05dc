/**
 * The receipts vocabulary (issue #15, "receipts that stay true"), defined once: what one later re-check of a
 * published post found, and what a post's receipt says since. The database CHECKs, the receipt episode, the API's
 * enums, the report and the web app all take these.
 */
export const RECEIPT_CHECK_RESULTS = [
  /** still live, the same text, by the account we published it as */
  'intact',
  /** the platform no longer shows the post (deleted, or taken down) */
  'removed',
  /** the post is there, by our account, but its text is no longer what was approved and sent */
  'edited',
  /** the post is there, but under another author than the connected account */
  'author_changed',
  /**
   * The check could not be made (no credential, the platform refused or did not answer through every retry). Never a
   * finding about the post: a platform outage must not read as a removed post.
   */
  'unchecked',
] as const;
export type ReceiptCheckResult = (typeof RECEIPT_CHECK_RESULTS)[number];

/** What a post's receipt says after its checks so far (null on the post until the first check that could be made). */
export const RECEIPT_STATUSES = ['intact', 'removed', 'edited', 'author_changed'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/** The findings that break a receipt: the post is marked, an alert is raised and the client's report lists it. */
export const BROKEN_RECEIPTS = ['removed', 'edited', 'author_changed'] as const satisfies readonly ReceiptStatus[];
export type BrokenReceipt = (typeof BROKEN_RECEIPTS)[number];

export function isBrokenReceipt(r: string): r is BrokenReceipt {
  return (BROKEN_RECEIPTS as readonly string[]).includes(r);
}

export function isReceiptStatus(r: string): r is ReceiptStatus {
  return (RECEIPT_STATUSES as readonly string[]).includes(r);
}
