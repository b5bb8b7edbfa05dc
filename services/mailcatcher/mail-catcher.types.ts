import { z } from 'zod';

/**
 * Message ids sort by arrival (time, then a counter) and are the only names used on disk, so a request path can
 * never name anything but a message folder.
 */
export const MESSAGE_ID = /^m[0-9a-z]{13}[0-9a-f]{8}$/;

/** One line of GET /messages, newest first. */
export const messageSummarySchema = z.object({
  id: z.string().regex(MESSAGE_ID),
  /** the envelope's recipients (RCPT TO): who the mail went to, Bcc included */
  to: z.array(z.string()),
  /** the envelope's sender (MAIL FROM) */
  from: z.string(),
  subject: z.string(),
  /** when the catcher received it, ISO 8601 */
  date: z.string(),
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;

export const attachmentInfoSchema = z.object({
  /** its index: GET /messages/:id/attachments/:n */
  n: z.number().int().min(0),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
});
export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

/** GET /messages/:id: the message as mailparser read it. */
export const storedMessageSchema = messageSummarySchema.extend({
  /** the Message-ID header */
  messageId: z.string().nullable(),
  text: z.string(),
  /** the HTML part, null when the mail had none */
  html: z.string().nullable(),
  attachments: z.array(attachmentInfoSchema),
});
export type StoredMessage = z.infer<typeof storedMessageSchema>;

export const messageListSchema = z.object({ messages: z.array(messageSummarySchema) });
