/**
 * X's error bodies, as the emulator answers them. Sources:
 * - https://docs.x.com/x-api/fundamentals/response-codes-and-errors (RFC 7807 problem details: title, detail, type,
 *   status; `about:blank` or https://api.x.com/2/problems/<kind>)
 * - https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token (the token endpoint's OAuth errors)
 */
import type { EmulatorReply } from '../../emulator-server';

const PROBLEM_HEADERS = { 'content-type': 'application/problem+json' };

const TITLES: Record<number, string> = {
  400: 'Invalid Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found Error',
  410: 'Gone',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const X_PROBLEM_BASE = 'https://api.x.com/2/problems';

/** The body X sends with a status (injected faults and unknown routes use it as well). */
export function xProblemBody(status: number, detail: string, kind?: string): Record<string, unknown> {
  const type = kind
    ? `${X_PROBLEM_BASE}/${kind}`
    : status === 400
      ? `${X_PROBLEM_BASE}/invalid-request`
      : 'about:blank';
  return { title: TITLES[status] ?? 'Error', detail, type, status };
}

export function problem(
  status: number,
  detail: string,
  kind?: string,
  headers: Record<string, string> = {},
): EmulatorReply {
  return { status, headers: { ...PROBLEM_HEADERS, ...headers }, json: xProblemBody(status, detail, kind) };
}

/** 400 invalid-request with one entry per refused parameter, as X lists them. */
export function invalidRequest(message: string): EmulatorReply {
  return {
    status: 400,
    headers: PROBLEM_HEADERS,
    json: {
      errors: [{ message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${X_PROBLEM_BASE}/invalid-request`,
    },
  };
}

export const unauthorized = (): EmulatorReply => problem(401, 'Unauthorized');
export const forbidden = (): EmulatorReply => problem(403, 'Forbidden');

/** The token endpoint's OAuth 2.0 error (RFC 6749 §5.2). */
export function oauthError(status: number, error: string, description: string): EmulatorReply {
  return { status, json: { error, error_description: description } };
}
