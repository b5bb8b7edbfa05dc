import { z } from 'zod';

/**
 * HeyGen's wire format, from the public reference: POST /v2/video/generate (https://developers.heygen.com/studio-api),
 * GET /v1/video_status.get (https://docs.heygen.com/reference/video-status), errors
 * (https://developers.heygen.com/docs/error-codes, https://docs.heygen.com/reference/errors) and webhook events
 * (https://docs.heygen.com/docs/using-heygens-webhook-events).
 */
const errorObject = z.object({
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  detail: z.string().nullish(),
});

/** `{ error: null, data: { video_id } }` on success; `{ error: { code, message }, data: null }` on failure. */
export const generateAnswer = z.object({
  error: errorObject.nullish(),
  data: z.object({ video_id: z.string().min(1).max(200) }).nullish(),
});

export const HEYGEN_STATUSES = ['pending', 'processing', 'waiting', 'completed', 'failed'] as const;

/** `{ code: 100, data: { id, status, video_url, duration, error, … }, message }`. */
export const videoStatusAnswer = z.object({
  code: z.number().optional(),
  message: z.string().nullish(),
  data: z.object({
    id: z.string().nullish(),
    status: z.enum(HEYGEN_STATUSES),
    video_url: z.string().nullish(),
    duration: z.number().nonnegative().nullish(),
    callback_id: z.string().nullish(),
    error: errorObject.nullish(),
  }),
});
export type HeyGenVideoStatus = z.infer<typeof videoStatusAnswer>['data'];

export const heygenErrorBody = z.object({ error: errorObject });

/** The avatar video webhook events (a success carries the URL, a failure a message). */
export const heygenCallbackBody = z.discriminatedUnion('event_type', [
  z.object({
    event_type: z.literal('avatar_video.success'),
    event_data: z.object({
      video_id: z.string().min(1).max(200),
      url: z.string().min(1),
      callback_id: z.string().nullish(),
    }),
  }),
  z.object({
    event_type: z.literal('avatar_video.fail'),
    event_data: z.object({
      video_id: z.string().min(1).max(200),
      msg: z.string().nullish(),
      callback_id: z.string().nullish(),
    }),
  }),
]);
