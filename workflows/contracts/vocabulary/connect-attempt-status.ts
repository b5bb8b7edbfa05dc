/**
 * Where one platform connect attempt stands (C-12): started (authorize link handed out), awaiting the
 * operator's confirmation (code exchanged, identity read, tokens held in the secrets backend), then one end.
 */
export const CONNECT_ATTEMPT_STATUSES = [
  'started',
  'awaiting_confirmation',
  'connected',
  'cancelled',
  'refused',
  'failed',
  'expired',
] as const;
export type ConnectAttemptStatus = (typeof CONNECT_ATTEMPT_STATUSES)[number];
