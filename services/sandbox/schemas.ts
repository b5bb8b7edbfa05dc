// zod schemas for every request body and query the sandbox accepts.
import { z } from 'zod';
import { CHALLENGE_KINDS } from './challenges';
import { MAX_PROCESSING_DELAY_MS } from './faults';
import { SELECTOR_VERSIONS } from './page-variants';

const codePoints = (s: string) => [...s].length;

export const postTextSchema = z
  .string()
  .refine((s) => s.trim().length > 0, 'text must not be empty')
  .refine((s) => codePoints(s) <= 5000, 'text must be at most 5000 characters');

const httpUrl = z.url({ protocol: /^https?$/ });

export const mediaInputSchema = z
  .object({
    url: httpUrl.optional(),
    dataBase64: z
      .string()
      .min(1)
      .regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'dataBase64 must be base64')
      .optional(),
    contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'contentType must be a MIME type'),
    checksum: z.string().min(1).max(200).optional(),
  })
  .refine(
    (m) => (m.url === undefined) !== (m.dataBase64 === undefined),
    'exactly one of url or dataBase64 is required',
  );

export const createPostSchema = z.object({
  text: postTextSchema,
  media: z.array(mediaInputSchema).max(10).optional(),
});
export type CreatePostInput = z.infer<typeof createPostSchema>;

export const commentTextSchema = z
  .string()
  .refine((s) => s.trim().length > 0, 'text must not be empty')
  .refine((s) => codePoints(s) <= 2000, 'text must be at most 2000 characters');

export const createCommentSchema = z.object({ text: commentTextSchema });

export const hideCommentSchema = z.object({ hidden: z.boolean().default(true) });

export const sendDmSchema = z.object({ to: z.string().min(1).max(100), text: commentTextSchema });

export const listDmsQuerySchema = z.object({
  /** only the conversation with this user */
  with: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListDmsQuery = z.infer<typeof listDmsQuerySchema>;

export const listMyPostsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  since: z.iso.datetime({ offset: true }).optional(),
  /** opaque, from a previous page's next_cursor */
  cursor: z.string().min(1).max(200).optional(),
});
export type ListMyPostsQuery = z.infer<typeof listMyPostsQuerySchema>;

// ---- admin ------------------------------------------------------------------------------------------------

export const createUserSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'username must be 1-64 chars of letters, digits, _ . -'),
  password: z.string().min(1).max(512),
  displayName: z.string().trim().min(1).max(100).optional(),
  /** private: shown only on the user's own pages, so that screenshots hold PII a runner must mask (C-44) */
  email: z.email('email must be an email address').max(254).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 ().-]{3,30}[0-9]$/, 'phone must be a phone number (digits, spaces, + ( ) . -)')
    .optional(),
});

export const registerOAuthClientSchema = z.object({
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500).optional(),
  redirectUris: z.array(z.url()).min(1).max(20),
});

export const faultConfigSchema = z.object({
  match: z
    .object({
      method: z.string().min(1).max(16).optional(),
      path: z.string().startsWith('/', 'path must start with /').max(500).optional(),
    })
    .optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  beforeHandlerDelayMs: z.number().int().min(0).max(MAX_PROCESSING_DELAY_MS).optional(),
  afterHandlerDelayMs: z.number().int().min(0).max(600_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.number().int().min(400).max(599).optional(),
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
  errorAfterHandler: z.boolean().optional(),
  rateLimit: z.object({ count: z.number().int().min(1), retryAfterSeconds: z.number().int().min(0) }).optional(),
  times: z.number().int().min(1).optional(),
});

export const setFaultsSchema = z.object({ faults: z.array(faultConfigSchema).max(100) });

export const setWebhookFaultsSchema = z.object({
  dropRate: z.number().min(0).max(1).default(0),
  copies: z.number().int().min(1).max(5).optional(),
});

export const setFlagsSchema = z.object({
  ignoreIdempotencyKey: z.boolean().optional(),
  duplicateWebhooks: z.boolean().optional(),
  echoRequestKey: z.boolean().optional(),
});

export const setUiSchema = z.object({
  selectorVersion: z
    .enum(SELECTOR_VERSIONS, `selectorVersion must be one of ${SELECTOR_VERSIONS.join(', ')}`)
    .optional(),
});

export const setChallengeSchema = z.object({
  kind: z.enum(CHALLENGE_KINDS, `kind must be one of ${CHALLENGE_KINDS.join(', ')} or null`).nullable(),
});

export const adminCreateSessionSchema = z.object({
  userId: z.string().min(1, 'userId is required'),
  /** default: the lifetime of a login (7 days) */
  expiresInSeconds: z
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 3600)
    .optional(),
});

export const identitySwapSchema = z.object({ fromUserId: z.string().min(1), toUserId: z.string().min(1) });

export const registerWebhookSchema = z.object({ url: httpUrl, secret: z.string().min(1).max(500) });

export const adminCreateCommentSchema = z.object({
  postId: z.string().min(1),
  authorId: z.string().min(1),
  text: commentTextSchema,
});

/** What the platform's own tools may change on a post behind the account's back: its text, or its author. */
export const adminEditPostSchema = z
  .object({ text: postTextSchema.optional(), authorId: z.string().min(1).optional() })
  .refine((v) => v.text !== undefined || v.authorId !== undefined, 'give text or authorId');

export const adminSendDmSchema = z.object({
  fromUserId: z.string().min(1),
  toUserId: z.string().min(1),
  text: commentTextSchema,
});

export const adminIssueTokenSchema = z.object({
  userId: z.string().min(1),
  clientId: z.string().min(1).optional(),
  scope: z.string().max(500).optional(),
  expiresInSeconds: z
    .number()
    .int()
    .min(1)
    .max(365 * 24 * 3600)
    .optional(),
});

// ---- oauth ------------------------------------------------------------------------------------------------

/** Query of GET /oauth/authorize and fields of POST /oauth/authorize (all strings, checked by the handler). */
export const authorizeParamsSchema = z.object({
  response_type: z.string().optional(),
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  state: z.string().max(2000).optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  scope: z.string().max(500).optional(),
});
export type AuthorizeParams = z.infer<typeof authorizeParamsSchema>;

export const loginFormSchema = z.object({
  username: z.string().max(200).default(''),
  password: z.string().max(512).default(''),
});

export const tokenRequestSchema = z.object({
  grant_type: z.string().min(1, 'grant_type is required'),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

// ---- pages ------------------------------------------------------------------------------------------------

export const composeFormSchema = z.object({
  text: postTextSchema,
  /** the page's Idempotency-Key: a repeat by the same user gives back the same post (empty = none) */
  request_key: z
    .string()
    .max(200, 'request_key must be at most 200 characters')
    .optional()
    .transform((key) => (key ? key : undefined)),
});
