import { randomBytes } from 'node:crypto';
import type { EmulatorReply } from '../../emulator-server';

/**
 * The Graph API's error body and the documented classes the emulator answers with
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling; rate limits:
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting; video upload:
 * https://developers.facebook.com/documentation/video-api/reference/error-codes).
 */
export function graphError(
  status: number,
  code: number,
  message: string,
  opts: { subcode?: number; type?: string; headers?: Record<string, string>; transient?: boolean } = {},
): EmulatorReply {
  return {
    status,
    headers: { 'x-fb-request-id': randomBytes(8).toString('hex'), ...opts.headers },
    json: {
      error: {
        message,
        type: opts.type ?? 'OAuthException',
        code,
        ...(opts.subcode !== undefined ? { error_subcode: opts.subcode } : {}),
        ...(opts.transient !== undefined ? { is_transient: opts.transient } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  };
}

/** The body a bare status fault (EmulatorServer `status`) answers with. */
export function graphErrorBodyFor(status: number, message: string): unknown {
  if (status === 429) return graphError(400, 4, 'Application request limit reached', { transient: true }).json;
  if (status === 401 || status === 403) return graphError(status, 190, 'Invalid OAuth access token').json;
  if (status === 404) return graphError(status, 100, `Unsupported get request. ${message}`, { subcode: 33 }).json;
  if (status >= 500)
    return graphError(status, 2, 'An unexpected error has occurred. Please retry your request later.', {
      transient: true,
    }).json;
  return graphError(status, 100, `Invalid parameter. ${message}`).json;
}

export const TOKEN_MESSAGES: Record<number, string> = {
  458: 'Error validating access token: The user has not authorized application.',
  460: 'Error validating access token: The session has been invalidated because the user changed their password.',
  463: 'Error validating access token: Session has expired.',
  467: 'Error validating access token: The user is not logged in.',
  492: 'Error validating access token: The user is not an admin, editor, or moderator of the Page.',
};

export function tokenError(subcode: number | undefined): EmulatorReply {
  if (subcode === undefined) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  return graphError(400, 190, TOKEN_MESSAGES[subcode] ?? 'Error validating access token.', { subcode });
}

/** Throttling answers carry the usage header of the limit that bit, with the minutes until access returns. */
export type ThrottleScope = 'app' | 'user' | 'page' | 'buc';

export function throttleError(scope: ThrottleScope, pageId: string, minutes: number): EmulatorReply {
  const usage = { call_count: 100, total_cputime: 100, total_time: 100 };
  switch (scope) {
    case 'app':
      return graphError(400, 4, 'Application request limit reached', {
        transient: true,
        headers: { 'x-app-usage': JSON.stringify(usage) },
      });
    case 'user':
      return graphError(400, 17, 'User request limit reached', {
        transient: true,
        headers: { 'x-app-usage': JSON.stringify(usage) },
      });
    case 'page':
      return graphError(400, 32, 'Page request limit reached', {
        transient: true,
        headers: { 'x-page-usage': JSON.stringify({ ...usage, estimated_time_to_regain_access: minutes }) },
      });
    case 'buc':
      return graphError(400, 80001, 'There have been too many calls to this Page account. Wait a bit and try again.', {
        transient: true,
        headers: { 'x-business-use-case-usage': bucHeader(pageId, 100, minutes) },
      });
  }
}

export function bucHeader(pageId: string, percent: number, minutes: number): string {
  return JSON.stringify({
    [pageId]: [
      {
        type: 'pages',
        call_count: percent,
        total_cputime: Math.min(percent, 100),
        total_time: Math.min(percent, 100),
        estimated_time_to_regain_access: minutes,
      },
    ],
  });
}

/** The documented failures a test can make the next matching call answer with. */
export const FACEBOOK_FAULTS = {
  permission: () =>
    graphError(403, 200, "(#200) The user hasn't authorized the application to perform this action", {
      type: 'OAuthException',
    }),
  missing_task: () => graphError(403, 10, '(#10) The user must be able to perform the CREATE_CONTENT task on the Page'),
  action_blocked: () => graphError(400, 368, 'The action attempted has been deemed abusive or is otherwise disallowed'),
  duplicate: () => graphError(400, 506, 'Duplicate status message'),
  link_unreadable: () => graphError(400, 1609005, 'Error Posting Link: the link could not be read'),
  transient: () =>
    graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { transient: true }),
  unknown: () => graphError(500, 1, 'An unknown error has occurred.', { transient: true }),
  token_expired: () => tokenError(463),
  password_changed: () => tokenError(460),
  invalid_image: () => graphError(400, 324, '(#324) Missing or invalid image file'),
  video_too_large: () => graphError(400, 6000, 'The video you tried to upload is too large.', { subcode: 1363023 }),
  version_retired: () => graphError(400, 2635, '(#2635) You are calling a deprecated version of the Graph API.'),
} as const;
export type FacebookFault = keyof typeof FACEBOOK_FAULTS;
