/**
 * Media uploads of the LinkedIn emulator, from:
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api (POST
 *   /rest/images?action=initializeUpload `{initializeUploadRequest:{owner}}` → `{value:{uploadUrlExpiresAt, uploadUrl,
 *   image}}`; PUT the bytes to uploadUrl; GET /rest/images/{urn} → `status` WAITING_UPLOAD, PROCESSING, AVAILABLE or
 *   PROCESSING_FAILED; JPG, GIF, PNG under 36,152,320 pixels)
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api (POST
 *   /rest/videos?action=initializeUpload `{owner, fileSizeBytes, uploadCaptions, uploadThumbnail}` →
 *   `{value:{video, uploadToken, uploadUrlsExpireAt, uploadInstructions:[{uploadUrl, firstByte, lastByte}]}}`, parts
 *   of 4,194,304 bytes; PUT each part, keep its ETag; POST /rest/videos?action=finalizeUpload `{finalizeUploadRequest:
 *   {video, uploadToken, uploadedPartIds}}`; GET /rest/videos/{urn} until AVAILABLE; MP4, 75 KB to 500 MB)
 *
 * The upload URLs are signed on LinkedIn (https://www.linkedin.com/dms-uploads/...); here they are unguessable paths
 * on the emulator, and a bearer token, when one is sent, must still be valid.
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { TokenBook } from '../kit/token-book';
import { accessDenied, badRequest, notFound, restError } from './linkedin-problems';
import type { Session } from './linkedin-session';
import { isReply, requireScope, sessionOf } from './linkedin-session';
import type { Asset, LinkedInWorld } from './linkedin-world';

const MIN_VIDEO_BYTES = 75 * 1024;
const MAX_VIDEO_BYTES = 500 * 1000 * 1000;
const MAX_IMAGE_PIXELS = 36_152_320;
const POSTING_ROLES = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR']);
const OWNER = /^urn:li:(person|organization):[0-9A-Za-z_-]+$/;
const URL_TTL_MS = 24 * 3600 * 1000;

export function mediaRoutes(p: {
  world: LinkedInWorld;
  tokens: TokenBook;
  url: () => string;
  now: () => number;
}): EmulatorRoute[] {
  const { world, tokens, url, now } = p;
  const uploadUrl = (id: string) => `${world.uploadOrigin ?? url()}/dms-uploads/${id}`;
  const session = (req: EmulatorRequest) => sessionOf(req, tokens);
  const mayOwn = (s: Session, owner: string) =>
    requireScope(
      s,
      owner.startsWith('urn:li:organization:') ? ['w_organization_social'] : ['w_member_social'],
      'assets.CREATE',
    ) ?? (world.mayActAs(s.member, owner, POSTING_ROLES) ? undefined : accessDenied('owner'));

  const initialize =
    (kind: Asset['kind']) =>
    (req: EmulatorRequest): EmulatorReply => {
      const s = session(req);
      if (isReply(s)) return s;
      const action = req.query.get('action');
      if (kind === 'video' && action === 'finalizeUpload') return finalize(world, req, s);
      if (action !== 'initializeUpload') return badRequest(`Unknown action ${action ?? '(none)'}`);
      const r = (req.json as { initializeUploadRequest?: Record<string, unknown> } | undefined)
        ?.initializeUploadRequest;
      const owner = r?.owner;
      if (typeof owner !== 'string' || !OWNER.test(owner))
        return badRequest('initializeUploadRequest.owner must be a person or organization URN');
      const denied = mayOwn(s, owner);
      if (denied) return denied;
      const expires = now() + URL_TTL_MS;
      if (kind === 'image') {
        const a = world.newAsset('image', owner);
        return {
          status: 200,
          json: { value: { uploadUrlExpiresAt: expires, uploadUrl: uploadUrl(a.parts[0]!.uploadId), image: a.urn } },
        };
      }
      const size = r?.fileSizeBytes;
      if (typeof size !== 'number' || !Number.isInteger(size))
        return badRequest('initializeUploadRequest.fileSizeBytes is required');
      if (size < MIN_VIDEO_BYTES || size > MAX_VIDEO_BYTES)
        return restError(400, `Video file size must be between ${MIN_VIDEO_BYTES} and ${MAX_VIDEO_BYTES} bytes`, {
          code: 'INVALID_FILE_SIZE',
        });
      const a = world.newAsset('video', owner, size);
      return {
        status: 200,
        json: {
          value: {
            uploadUrlsExpireAt: expires,
            video: a.urn,
            uploadInstructions: a.parts.map((x) => ({
              uploadUrl: uploadUrl(x.uploadId),
              firstByte: x.firstByte,
              lastByte: x.lastByte,
            })),
            uploadToken: a.uploadToken,
            ...(r?.uploadThumbnail === true ? { thumbnailUploadUrl: uploadUrl(randomBytes(16).toString('hex')) } : {}),
          },
        },
      };
    };

  const status =
    (kind: Asset['kind']) =>
    (req: EmulatorRequest): EmulatorReply => {
      const s = session(req);
      if (isReply(s)) return s;
      const urn = decodeURIComponent(req.params.urn!);
      if (urn === req.params.urn && urn.includes(':'))
        return badRequest('Resource keys must be URL-encoded under Rest.li protocol 2.0.0');
      const a = world.assets.get(urn);
      if (!a || a.kind !== kind) return notFound(kind === 'image' ? 'Image' : 'Video');
      if (!world.mayActAs(s.member, a.owner, POSTING_ROLES))
        return accessDenied(
          `Accessing this ${kind} resource is forbidden. Please check your permissions for this resource`,
        );
      const st = world.poll(a);
      return {
        status: 200,
        json: {
          id: a.urn,
          owner: a.owner,
          status: st,
          ...(kind === 'video' && a.fileSizeBytes ? { fileSizeBytes: a.fileSizeBytes } : {}),
          ...(st === 'AVAILABLE' ? { downloadUrl: `${url()}/media/${encodeURIComponent(a.urn)}` } : {}),
        },
      };
    };

  return [
    { method: 'POST', path: '/rest/images', handle: initialize('image') },
    { method: 'POST', path: '/rest/videos', handle: initialize('video') },
    { method: 'GET', path: /^\/rest\/images\/(?<urn>[^/]+)$/, handle: status('image') },
    { method: 'GET', path: /^\/rest\/videos\/(?<urn>[^/]+)$/, handle: status('video') },
    {
      method: 'PUT',
      path: /^\/dms-uploads\/(?<id>[0-9a-f]{32})$/,
      handle(req) {
        if (req.headers.authorization) {
          const s = session(req);
          if (isReply(s)) return s;
        }
        const at = world.uploads.get(req.params.id!);
        if (!at) return notFound('Upload');
        const a = world.assets.get(at.urn)!;
        const part = a.parts[at.part]!;
        if (a.status !== 'WAITING_UPLOAD') return badRequest('The upload is already complete');
        if (a.kind === 'image') {
          world.complete(
            a,
            req.rawBytes,
            imageType(req.rawBytes) ?? 'application/octet-stream',
            imageProblem(req.rawBytes),
          );
          return { status: 201, body: '' };
        }
        const expected = part.lastByte - part.firstByte + 1;
        if (req.rawBytes.length !== expected)
          return badRequest(`Part must be exactly ${expected} bytes (firstByte..lastByte)`);
        part.bytes = req.rawBytes;
        part.etag = `/${randomBytes(18).toString('base64url')}`;
        return { status: 201, headers: { etag: part.etag }, body: '' };
      },
    },
  ];
}

function finalize(world: LinkedInWorld, req: EmulatorRequest, s: Session): EmulatorReply {
  const r = (req.json as { finalizeUploadRequest?: Record<string, unknown> } | undefined)?.finalizeUploadRequest;
  const a = typeof r?.video === 'string' ? world.assets.get(r.video) : undefined;
  if (!a || a.kind !== 'video') return notFound('Video');
  if (!world.mayActAs(s.member, a.owner, POSTING_ROLES)) return accessDenied('owner');
  if (a.status !== 'WAITING_UPLOAD') return badRequest('The video upload is already finalized');
  if ((r?.uploadToken ?? '') !== a.uploadToken) return badRequest('uploadToken does not match the upload');
  const ids = r?.uploadedPartIds;
  if (!Array.isArray(ids) || ids.length !== a.parts.length)
    return badRequest(`uploadedPartIds must list the ${a.parts.length} uploaded parts' ETags`);
  for (const [i, part] of a.parts.entries()) {
    if (!part.etag || !part.bytes) return badRequest(`Part ${i + 1} was not uploaded`);
    // In order: the part ids are how LinkedIn stitches the parts together.
    if (ids[i] !== part.etag) return badRequest(`uploadedPartIds[${i}] is not the ETag of part ${i + 1}`);
  }
  const bytes = Buffer.concat(a.parts.map((x) => x.bytes!));
  const mp4 = bytes.subarray(4, 8).toString('latin1') === 'ftyp';
  world.complete(a, bytes, 'video/mp4', mp4 ? null : 'not an MP4 file');
  return { status: 200, body: '' };
}

function imageType(b: Buffer): string | null {
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return null;
}

/** Why LinkedIn's processing would fail this image: not JPG/PNG/GIF, or a PNG over the pixel cap. */
function imageProblem(b: Buffer): string | null {
  const type = imageType(b);
  if (!type) return 'not a JPG, PNG or GIF image';
  if (type === 'image/png' && b.length >= 24 && b.readUInt32BE(16) * b.readUInt32BE(20) >= MAX_IMAGE_PIXELS)
    return 'too many pixels';
  return null;
}
