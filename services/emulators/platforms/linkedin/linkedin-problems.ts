/**
 * LinkedIn's error bodies, as the emulator answers them:
 * - https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling: `{status, serviceErrorCode,
 *   code, message}`; 401 for empty, invalid, expired and revoked tokens; 403 ACCESS_DENIED for missing permissions
 * - https://learn.microsoft.com/en-us/linkedin/marketing/versioning and integrators' reports of it (e.g.
 *   https://github.com/n8n-io/n8n/issues/14737): a retired version answers
 *   `426 {"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20240401 is not active"}`
 * - https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits: 429 when an application's or a
 *   member's daily limit is reached; limits reset at midnight UTC
 * - https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow: the token endpoint's
 *   `{error, error_description}`
 */
import type { EmulatorReply } from '../../emulator-server';

export function restError(
  status: number,
  message: string,
  extra: { code?: string; serviceErrorCode?: number; headers?: Record<string, string> } = {},
): EmulatorReply {
  const { headers, ...fields } = extra;
  return { status, headers, json: { status, ...fields, message } };
}

/** The skeleton's default body for a status (injected faults, unknown routes). */
export function errorBodyFor(status: number, message: string): unknown {
  return { status, message };
}

export const versionMissing = () =>
  restError(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', {
    code: 'VERSION_MISSING',
  });

export const versionInvalid = () =>
  restError(400, 'The LinkedIn-Version header must be a version of the form YYYYMM.', { code: 'INVALID_VERSION' });

/**
 * Without X-Restli-Protocol-Version LinkedIn falls back to protocol 1.0.0, in which the 2.0 URN encoding and finders
 * the Posts API takes are malformed; the emulator refuses such a call outright so a missing header cannot pass.
 */
export const protocolMissing = () =>
  restError(400, 'This resource requires X-Restli-Protocol-Version: 2.0.0.', { code: 'INVALID_PROTOCOL_VERSION' });

export const versionRetired = (version: string) =>
  restError(426, `Requested version ${version.length === 6 ? `${version}01` : version} is not active`, {
    code: 'NONEXISTENT_VERSION',
  });

export const tokenProblem = (problem: 'unknown' | 'expired' | 'revoked' | 'empty') =>
  problem === 'expired'
    ? restError(401, 'The token used in the request has expired', {
        serviceErrorCode: 65602,
        code: 'EXPIRED_ACCESS_TOKEN',
      })
    : problem === 'revoked'
      ? restError(401, 'The token used in the request has been revoked by the user', {
          serviceErrorCode: 65601,
          code: 'REVOKED_ACCESS_TOKEN',
        })
      : problem === 'empty'
        ? restError(401, 'Empty oauth2_access_token', { serviceErrorCode: 401 })
        : restError(401, 'Invalid access token', { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN' });

export const accessDenied = (what: string) =>
  restError(403, `Not enough permissions to access: ${what}`, { serviceErrorCode: 100, code: 'ACCESS_DENIED' });

export const notFound = (what: string) => restError(404, `${what} does not exist`, { code: 'NOT_FOUND' });

export const badRequest = (message: string) => restError(400, message, { code: 'ILLEGAL_ARGUMENT' });

export const unprocessable = (message: string) => restError(422, message);

export const dailyThrottle = (who: 'APPLICATION' | 'MEMBER') =>
  restError(429, `Resource level throttle ${who} DAY limit for calls to this resource is reached.`, {
    serviceErrorCode: 101,
    code: 'TOO_MANY_REQUESTS',
  });

export function oauthError(status: number, error: string, description: string): EmulatorReply {
  return { status, json: { error, error_description: description } };
}
