/**
 * Bounds on one import. A CSV is read whole in the API process and every row may fan out into occurrences and
 * media fetches, so each is capped and refused with a clear message rather than slowing every other request.
 */
export const IMPORT_LIMITS = {
  maxBytes: 1_000_000,
  maxRows: 500,
  maxFieldChars: 20_000,
  /** posts one import may create, after recurring and evergreen rows are expanded */
  maxPosts: 2_000,
  /** media items per row: an asset carries one media object today */
  maxMediaPerRow: 1,
  /** occurrences of one recurring row (daily:N, weekly:N) */
  maxRecurrence: 52,
  /** evergreen rows are scheduled up to this many days ahead of the import */
  evergreenHorizonDays: 90,
  evergreenMaxIntervalDays: 365,
  /** an explicit date must be at least this far ahead: the workflow needs time to ask for approval */
  minLeadSeconds: 60,
  /** how far ahead a next-free-slot search looks before it reports that no slot is free */
  slotSearchDays: 366,
  /** media fetched at import time; the artifact store applies its own per-kind limits too */
  maxMediaBytes: 50_000_000,
} as const;
