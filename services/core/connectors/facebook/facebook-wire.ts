import { z } from 'zod';

// Everything the Graph API answers, as we accept it: it crossed a trust boundary.

/** https://developers.facebook.com/docs/graph-api/guides/error-handling */
export const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphError = z.infer<typeof graphErrorSchema>['error'];

/** GET /oauth/access_token (code and fb_exchange_token grants) */
export const graphTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive().optional(),
});

/** GET /me?fields=id,name,username with a Page token: the Page itself */
export const graphMeSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().optional(),
  username: z.string().optional(),
});

const paging = z
  .object({
    next: z.string().url().optional(),
    cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
  })
  .optional();

/** GET /me/accounts?fields=id,name,access_token,tasks with a user token */
export const graphAccountsSchema = z.object({
  data: z.array(
    z.object({
      id: z.string().regex(/^\d+$/),
      name: z.string().optional(),
      access_token: z.string().min(1),
      tasks: z.array(z.string()).default([]),
    }),
  ),
  paging,
});

/** GET /me/permissions with a user token */
export const graphPermissionsSchema = z.object({
  data: z.array(z.object({ permission: z.string(), status: z.string() })),
});

/** GET /debug_token?input_token=… (https://developers.facebook.com/docs/graph-api/reference/debug_token) */
export const graphDebugTokenSchema = z.object({
  data: z.object({
    app_id: z.string().optional(),
    type: z.string().optional(),
    is_valid: z.boolean(),
    profile_id: z.string().optional(),
    user_id: z.string().optional(),
    expires_at: z.number().optional(),
    scopes: z.array(z.string()).default([]),
    granular_scopes: z.array(z.object({ scope: z.string(), target_ids: z.array(z.string()).optional() })).default([]),
  }),
});

/** A Page post: GET /{post-id}?fields=id,message,created_time,permalink_url,from */
export const graphPostSchema = z.object({
  id: z.string().regex(/^\d+_\d+$/),
  message: z.string().optional(),
  created_time: z.string().min(1),
  permalink_url: z.string().optional(),
  from: z.object({ id: z.string(), name: z.string().optional() }).optional(),
});
export type GraphPost = z.infer<typeof graphPostSchema>;

export const graphPostsPageSchema = z.object({ data: z.array(graphPostSchema), paging });

/** POST /{page-id}/feed */
export const graphCreatedSchema = z.object({ id: z.string().min(1) });
/** POST /{page-id}/photos: `post_id` only when the photo was published as a post */
export const graphPhotoCreatedSchema = z.object({ id: z.string().min(1), post_id: z.string().optional() });

/** GET /{video-id}?fields=id,status,post_id (VideoStatus: ready, processing, expired, error) */
export const graphVideoSchema = z.object({
  id: z.string().min(1),
  description: z.string().optional(),
  created_time: z.string().optional(),
  post_id: z.string().optional(),
  status: z.object({ video_status: z.string() }).optional(),
});
export const graphVideosPageSchema = z.object({ data: z.array(graphVideoSchema), paging });

/** The usage headers: x-app-usage, x-page-usage, and x-business-use-case-usage (per business object id) */
export const graphUsageSchema = z.object({
  call_count: z.number().optional(),
  total_cputime: z.number().optional(),
  total_time: z.number().optional(),
  estimated_time_to_regain_access: z.number().optional(),
});
export const graphBucUsageSchema = z.record(
  z.string(),
  z.array(graphUsageSchema.extend({ type: z.string().optional() })),
);
