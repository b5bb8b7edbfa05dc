import { z } from 'zod';

// Everything X answers crosses a trust boundary: parsed here, never trusted as typed.

/** X ids are 64-bit integers sent as strings (https://docs.x.com/x-api/fundamentals/data-dictionary). */
const xId = z.string().regex(/^[0-9]{1,19}$/);

/** RFC 7807 problem details, as every v2 error answers (https://docs.x.com/x-api/fundamentals/response-codes-and-errors). */
export const xProblemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  status: z.number().optional(),
  /** 403 client-forbidden: why the app may not call the endpoint */
  reason: z.string().optional(),
  /** 400 invalid-request: one entry per refused parameter */
  errors: z.array(z.object({ message: z.string().optional() })).optional(),
});
export type XProblem = z.infer<typeof xProblemSchema>;

/** The token endpoint's OAuth 2.0 errors (RFC 6749 §5.2), e.g. invalid_request for a dead refresh token. */
export const xOAuthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export const xTokenSchema = z.object({
  token_type: z.string(),
  access_token: z.string().min(1),
  expires_in: z.number().optional(),
  scope: z.string().optional(),
  /** only with the offline.access scope */
  refresh_token: z.string().min(1).optional(),
});

export const xMeSchema = z.object({
  data: z.object({ id: xId, username: z.string().min(1), name: z.string().optional() }),
});

const xUrlEntitySchema = z.object({
  url: z.string(),
  expanded_url: z.string().optional(),
  display_url: z.string().optional(),
  /** set on the link X appends for attached media */
  media_key: z.string().optional(),
});
export type XUrlEntity = z.infer<typeof xUrlEntitySchema>;

export const xTweetSchema = z.object({
  id: xId,
  text: z.string(),
  // Not default fields: present because every lookup asks for them (X_TWEET_FIELDS); absent means a changed API.
  created_at: z.string(),
  author_id: xId,
  entities: z.object({ urls: z.array(xUrlEntitySchema).optional() }).optional(),
  attachments: z.object({ media_keys: z.array(z.string()).optional() }).optional(),
});
export type XTweet = z.infer<typeof xTweetSchema>;

/** A lookup answers 200 even for a missing post, with `errors` instead of `data`. */
export const xTweetLookupSchema = z.object({
  data: xTweetSchema.optional(),
  errors: z.array(z.object({ type: z.string().optional(), resource_type: z.string().optional() })).optional(),
});

export const xTimelineSchema = z.object({
  data: z.array(xTweetSchema).optional(),
  meta: z.object({ result_count: z.number(), next_token: z.string().min(1).optional() }),
});

export const xCreatedTweetSchema = z.object({ data: z.object({ id: xId, text: z.string() }) });

export const X_PROCESSING_STATES = ['pending', 'in_progress', 'succeeded', 'failed'] as const;

export const xMediaSchema = z.object({
  data: z.object({
    id: xId,
    media_key: z.string().optional(),
    expires_after_secs: z.number().optional(),
    size: z.number().optional(),
    processing_info: z
      .object({
        state: z.enum(X_PROCESSING_STATES),
        check_after_secs: z.number().optional(),
        progress_percent: z.number().optional(),
      })
      .optional(),
  }),
});
export type XMedia = z.infer<typeof xMediaSchema>['data'];
