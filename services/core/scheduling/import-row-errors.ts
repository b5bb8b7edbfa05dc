/** Every reason a CSV row is refused; the dry run lists each one that applies to the row, not just the first. */
export const IMPORT_ROW_ERROR_CODES = [
  'wrong_field_count',
  'empty_text',
  'text_too_long',
  'unknown_account',
  'account_not_connected',
  'platform_disabled',
  'bad_date',
  'past_date',
  'no_queue_slots',
  'no_free_slot',
  'bad_recurrence',
  'bad_evergreen',
  'too_many_media',
  'media_not_supported',
  'media_required',
  'media_refused',
  'cap_exceeded',
  'duplicate_row',
] as const;
export type ImportRowErrorCode = (typeof IMPORT_ROW_ERROR_CODES)[number];

export interface ImportRowError {
  code: ImportRowErrorCode;
  /** safe to show: names the value's problem, never echoes a URL's query or credentials */
  message: string;
  /** the column the error is about, when there is one */
  column?: string;
}

export const rowError = (code: ImportRowErrorCode, message: string, column?: string): ImportRowError => ({
  code,
  message,
  ...(column ? { column } : {}),
});
