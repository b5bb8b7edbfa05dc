import { z } from 'zod';

// Everything LinkedIn answers crosses a trust boundary: parsed here, never trusted by shape.

/** GET /v2/userinfo (OpenID Connect, https://learn.microsoft.com/en-us/linkedin/consumers/integrations/self-serve/sign-in-with-linkedin-v2). */
export const userinfoSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
});

/** One row of GET /rest/organizationAcls?q=roleAssignee. */
export const organizationAclSchema = z.object({
  organization: z.string().regex(/^urn:li:organization:\d+$/),
  role: z.string(),
  state: z.string(),
  roleAssignee: z.string().optional(),
});

/** Rest.li collection paging: `start`, `count` and, on some finders, `total`. */
const pagingSchema = z.object({
  start: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
});

export const organizationAclsPageSchema = z.object({
  elements: z.array(organizationAclSchema),
  paging: pagingSchema.optional(),
});

/** GET /rest/organizations/{id}: only the names a handle needs. */
export const organizationSchema = z.object({
  id: z.number().int(),
  localizedName: z.string().optional(),
  vanityName: z.string().optional(),
});

const imageUrn = z.string().regex(/^urn:li:image:[0-9A-Za-z_-]+$/);
const videoUrn = z.string().regex(/^urn:li:video:[0-9A-Za-z_-]+$/);
/** POST /rest/posts answers a share (text, images) or a ugcPost (video) URN in x-restli-id. */
export const postUrnSchema = z.string().regex(/^urn:li:(share|ugcPost):[0-9A-Za-z_-]+$/);

/** POST /rest/images?action=initializeUpload (Images API). */
export const imageInitSchema = z.object({
  value: z.object({
    uploadUrl: z.string().min(1),
    image: imageUrn,
    uploadUrlExpiresAt: z.number().optional(),
  }),
});

/** POST /rest/videos?action=initializeUpload (Videos API): one instruction per part, 4 MiB each but the last. */
export const videoInitSchema = z.object({
  value: z.object({
    video: videoUrn,
    uploadToken: z.string().default(''),
    uploadUrlsExpireAt: z.number().optional(),
    uploadInstructions: z
      .array(
        z.object({
          uploadUrl: z.string().min(1),
          firstByte: z.number().int().nonnegative(),
          lastByte: z.number().int().nonnegative(),
        }),
      )
      .min(1),
  }),
});

export const MEDIA_STATUSES = ['WAITING_UPLOAD', 'PROCESSING', 'AVAILABLE', 'PROCESSING_FAILED'] as const;

/** GET /rest/images/{urn} and GET /rest/videos/{urn}: the asset's processing status. */
export const mediaStatusSchema = z.object({
  id: z.string(),
  status: z.enum(MEDIA_STATUSES),
});

const mediaRef = z.object({ id: z.string(), altText: z.string().optional(), title: z.string().optional() });

/** A post as GET /rest/posts answers it (Posts API, Post Schema); only what proof and verification read. */
export const postSchema = z.object({
  id: postUrnSchema,
  author: z.string().regex(/^urn:li:(person|organization):[0-9A-Za-z_-]+$/),
  commentary: z.string().default(''),
  visibility: z.string().optional(),
  lifecycleState: z.string().optional(),
  createdAt: z.number().int().nonnegative(),
  publishedAt: z.number().int().nonnegative().optional(),
  content: z
    .object({
      media: mediaRef.optional(),
      multiImage: z.object({ images: z.array(mediaRef) }).optional(),
    })
    .passthrough()
    .optional(),
});
export type LinkedInPost = z.infer<typeof postSchema>;

export const postsPageSchema = z.object({
  elements: z.array(postSchema),
  paging: pagingSchema.optional(),
});

/** POST /oauth/v2/accessToken (authorization code and programmatic refresh). `scope` is comma-separated. */
export const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});

/** POST /oauth/v2/introspectToken (https://learn.microsoft.com/en-us/linkedin/shared/authentication/token-introspection). */
export const introspectionSchema = z.object({
  active: z.boolean(),
  status: z.string().optional(),
  scope: z.string().optional(),
  expires_at: z.number().optional(),
  created_at: z.number().optional(),
  authorized_at: z.number().optional(),
});
