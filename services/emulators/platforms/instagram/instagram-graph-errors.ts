/**
 * Graph API error bodies as the Instagram emulator answers them, from:
 * - https://developers.facebook.com/docs/graph-api/guides/error-handling (`{error:{message,type,code,error_subcode,
 *   fbtrace_id}}`, 190 with subcodes 460/463, 4/17/32/613 throttles, 10 and 200-299 permissions)
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes (the 2207xxx
 *   subcodes and their codes: -2/2207003, -2/2207020, -1/2207001, -1/2207032, -1/2207053, 4/2207051, 9/2207042,
 *   36000/2207004 with `is_transient`, `error_user_title`, `error_user_msg`)
 * - https://developers.facebook.com/docs/graph-api/overview/rate-limiting (X-Business-Use-Case-Usage with
 *   estimated_time_to_regain_access in minutes; X-App-Usage percentages)
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorReply } from '../../emulator-server';

export interface GraphErrorSpec {
  status?: number;
  code: number;
  subcode?: number;
  message: string;
  isTransient?: boolean;
  userTitle?: string;
  userMsg?: string;
  type?: string;
}

export function graphErrorBody(e: GraphErrorSpec): { error: Record<string, string | number | boolean> } {
  return {
    error: {
      message: e.message,
      type: e.type ?? 'OAuthException',
      code: e.code,
      ...(e.subcode !== undefined ? { error_subcode: e.subcode } : {}),
      ...(e.isTransient !== undefined ? { is_transient: e.isTransient } : {}),
      ...(e.userTitle ? { error_user_title: e.userTitle } : {}),
      ...(e.userMsg ? { error_user_msg: e.userMsg } : {}),
      fbtrace_id: traceId(),
    },
  };
}

export function graphError(e: GraphErrorSpec, headers: Record<string, string> = {}): EmulatorReply {
  return { status: e.status ?? 400, headers: { 'x-fb-trace-id': traceId(), ...headers }, json: graphErrorBody(e) };
}

export const traceId = () => randomBytes(8).toString('base64url');

/** The documented Instagram publishing errors, by name (message and user texts as the error-codes page gives them). */
export const IG_ERRORS = {
  downloadTimeout: {
    code: -2,
    subcode: 2207003,
    message: 'It takes too long to download the media.',
    isTransient: true,
  },
  containerExpired: {
    code: -2,
    subcode: 2207020,
    message: 'The media you are trying to access has expired. Please try to upload again.',
  },
  serverError: { code: -1, subcode: 2207001, message: 'Instagram server error. Try again.', isTransient: true },
  createFailed: { code: -1, subcode: 2207032, message: 'Create media fail, please try to re-create media' },
  uploadUnknown: { code: -1, subcode: 2207053, message: 'unknown upload error' },
  actionBlocked: {
    code: 4,
    subcode: 2207051,
    message: 'We restrict certain activity to protect our community. Tell us if you think we made a mistake.',
  },
  dailyLimit: {
    code: 9,
    subcode: 2207042,
    message: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
  },
  imageTooLarge: {
    code: 36000,
    subcode: 2207004,
    message: 'The image size is too large.',
    isTransient: false,
    userTitle: 'Image size too large',
    userMsg: 'The image is too large to download. It should be less than 8 MiB.',
  },
  unsupportedImage: { code: 36001, subcode: 2207005, message: 'The image format is not supported.' },
  aspectRatio: { code: 36003, subcode: 2207009, message: 'The submitted image with aspect ratio cannot be published.' },
  unsupportedVideo: { code: 352, subcode: 2207026, message: 'The video format is not supported.' },
  notReady: {
    code: 9007,
    subcode: 2207027,
    message: 'The media is not ready for publishing, please wait for a moment',
  },
  fetchFailed: { code: 9004, subcode: 2207052, message: 'The media could not be fetched from this URI.' },
} as const satisfies Record<string, GraphErrorSpec>;

export const GRAPH = {
  noToken: { code: 2500, message: 'An active access token must be used to query information about the current user.' },
  badToken: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
  expiredToken: { code: 190, subcode: 463, message: 'Error validating access token: Session has expired.' },
  revokedToken: {
    code: 190,
    subcode: 460,
    message:
      'Error validating access token: The session has been invalidated because the user changed their password or ' +
      'Facebook has changed the session for security reasons.',
  },
  noPermission: { status: 403, code: 10, message: '(#10) Application does not have permission for this action' },
  noSuchObject: {
    code: 100,
    subcode: 33,
    message:
      'Unsupported request. Object does not exist, cannot be loaded due to missing permissions, or does not support ' +
      'this operation.',
    type: 'GraphMethodException',
  },
  invalidParameter: { code: 100, message: '(#100) Invalid parameter' },
  badClientSecret: { code: 101, message: 'Error validating client secret.' },
} as const satisfies Record<string, GraphErrorSpec>;

/** A retired version: the body Graph sends when a deprecated version is called. */
export function sunsetVersionError(current: string): EmulatorReply {
  return graphError({
    code: 2635,
    message: `(#2635) You are calling a deprecated version of the Graph API. Please update to the latest version: ${current}.`,
  });
}

/** Instagram Login's token host (api.instagram.com) answers in a shape of its own. */
export function tokenHostError(message: string): EmulatorReply {
  return { status: 400, json: { error_type: 'OAuthException', code: 400, error_message: message } };
}
