import type { ApiVersionPin, PlatformDescriptor, PlatformSettings, PlatformTiming } from '../connector.types';
import { platformTiming } from '../platform-timing';
import { LINKEDIN_REQUEST_TIMEOUT_MS } from './linkedin-http.config';
import { LINKEDIN_MEDIA_RULES } from './linkedin-media-rules';
import { linkedinOAuth } from './linkedin-oauth';
import { LINKEDIN_PERSON_SCOPES } from './linkedin-settings';
import { createLinkedInReader } from './linkedin.reader';

export { LINKEDIN_DEFAULT_BASE_URL } from './linkedin-http.config';

/**
 * The one place the LinkedIn API version is pinned (sent as `Linkedin-Version` on every call). LinkedIn releases a
 * version a month and serves each for at least one year (https://learn.microsoft.com/en-us/linkedin/marketing/versioning);
 * a retired one answers HTTP 426 NONEXISTENT_VERSION. 202601 sunsets 2027-01-15, so by that rule 202610 is served
 * until about 2027-10-15: check the migrations table (…/marketing/integrations/migrations) when bumping, and bump
 * before the health centre's warning (60 days ahead) turns into the 426.
 */
export const LINKEDIN_API_VERSION: ApiVersionPin = {
  version: '202610',
  sunsetsAt: '2027-10-15',
  source: 'https://learn.microsoft.com/en-us/linkedin/marketing/versioning',
};

/**
 * How long after POST /rest/posts arrived LinkedIn may still make the post appear. The write is synchronous (201 with
 * the post's URN), and media finish processing before it (we wait for AVAILABLE), so this covers an answer lost in
 * transit or a slow LinkedIn; LinkedIn documents no figure, one minute is generous.
 */
export const LINKEDIN_MAX_PROCESSING_SECONDS = 60;

function linkedinTiming(settings: PlatformSettings): PlatformTiming {
  return platformTiming(settings, {
    requestTimeoutMs: LINKEDIN_REQUEST_TIMEOUT_MS,
    maxProcessingSeconds: LINKEDIN_MAX_PROCESSING_SECONDS,
    marginSeconds: 15,
    // userinfo (+ ACLs and the Page's names for a Page), reconcile pages, per image an initialize, a PUT and a
    // status poll, the post, the read-back. A long video's parts and polls go beyond: the resume memory carries
    // its URN into the next attempt.
    maxCallsPerAttempt: 20,
    // LinkedIn's limits are daily, per app and member: spacing posts costs nothing and keeps bursts off them.
    pacing: { minSpacingSeconds: 20, jitterSeconds: 10 },
  });
}

/** LinkedIn (Posts API): a member's or a Page's posts, with one image, 2-20 images, or one video. */
export const linkedinPlatform: PlatformDescriptor = {
  id: 'linkedin',
  displayName: 'LinkedIn',
  capabilities: {
    text: true,
    image: true,
    video: true,
    // MultiImage: several images in one post, not a swipeable carousel of mixed media.
    carousel: false,
    reply: false,
    dm: false,
    idempotencyKey: false,
    readBack: true,
    requestKeyEcho: false,
    mediaFromUrl: false,
  },
  apiVersion: LINKEDIN_API_VERSION,
  mediaRules: LINKEDIN_MEDIA_RULES,
  // Access tokens live 60 days. Refresh tokens exist only for approved partners (365 days from the first consent,
  // not extended, not rotated); without one refresh() answers `reconsent_due`, so the token workflow asks for a new
  // consent a week before the access token ends.
  tokens: {
    refreshable: true,
    refreshLeadSeconds: 7 * 86_400,
    rotatesRefreshToken: false,
    checkEverySeconds: 6 * 3600,
  },
  // A member connection's scopes; a Page connection (linkedinAuthorKind 'organization') asks for
  // LINKEDIN_ORGANIZATION_SCOPES instead (linkedin-settings.ts).
  scopes: LINKEDIN_PERSON_SCOPES,
  timing: linkedinTiming,
  oauth: (settings) => linkedinOAuth(settings, LINKEDIN_API_VERSION),
  createReader: (settings) => createLinkedInReader(settings, LINKEDIN_API_VERSION),
};
