import { createHmac } from 'node:crypto';
import { ConnectorError } from '../connector.errors';
import type { PlatformSettings } from '../connector.types';
import type { ConnectorAnswer, ConnectorCall, ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, sameOrigin } from '../http/connector-http';
import { mapFacebookError } from './facebook-errors';

/** The real Graph API host (configuration default; the emulator's URL replaces it in tests and the demo). */
export const FACEBOOK_DEFAULT_BASE_URL = 'https://graph.facebook.com';
/** Where Facebook Login's dialog lives; a browser is sent here, never the API host. */
export const FACEBOOK_DIALOG_BASE_URL = 'https://www.facebook.com';

export const FACEBOOK_REQUEST_TIMEOUT_MS = 30_000;
/** Uploads carry the media bytes (a video up to the non-resumable limit) in one request. */
export const FACEBOOK_UPLOAD_TIMEOUT_MS = 10 * 60_000;

/** How one process reaches the Graph API: the pinned version, the HTTP layer and the app secret for proofs. */
export interface GraphClient {
  http: ConnectorHttpConfig;
  version: string;
  baseUrl: string;
  /** signs every call with appsecret_proof when set (Meta's "Require App Secret" setting refuses calls without) */
  appSecret?: string;
}

export function graphClient(settings: PlatformSettings, version: string, kind: 'api' | 'upload' = 'api'): GraphClient {
  const timeoutMs =
    settings.timeoutMs ?? (kind === 'upload' ? FACEBOOK_UPLOAD_TIMEOUT_MS : FACEBOOK_REQUEST_TIMEOUT_MS);
  return {
    http: {
      platform: 'facebook',
      baseUrl: settings.baseUrl,
      timeoutMs,
      // Graph answers carry its own request id; fbtrace_id in error bodies names the same thing.
      requestIdHeader: 'x-fb-request-id',
      mapError: mapFacebookError,
    },
    version,
    baseUrl: settings.baseUrl,
    appSecret: settings.oauth?.clientSecret,
  };
}

export interface GraphCall extends Pick<ConnectorCall, 'method' | 'route' | 'form' | 'multipart' | 'signal'> {
  /** the path after the version (`/123/feed`); query parameters go in `query` */
  path: string;
  query?: Record<string, string>;
  token: string;
}

/**
 * One Graph call on the pinned version. The token travels in the Authorization header (never in a URL a proxy may
 * log) and, when the app secret is configured, with its appsecret_proof, which Meta recommends for every
 * server-to-server call so that a leaked token alone cannot be replayed from elsewhere.
 */
export function graphRequest(client: GraphClient, call: GraphCall): Promise<ConnectorAnswer> {
  const query = new URLSearchParams(call.query);
  if (client.appSecret) query.set('appsecret_proof', appSecretProof(call.token, client.appSecret));
  const qs = query.toString();
  return connectorRequest(client.http, {
    method: call.method,
    route: call.route,
    path: `/${client.version}${call.path}${qs ? `?${qs}` : ''}`,
    token: call.token,
    form: call.form,
    multipart: call.multipart,
    signal: call.signal,
  });
}

/**
 * Follows a `paging.next` link the platform handed out. The token goes only to the Graph API's own origin: a
 * link pointing elsewhere is refused, not followed.
 */
export function graphNext(client: GraphClient, url: string, call: Omit<GraphCall, 'path' | 'query'>) {
  if (!sameOrigin(url, client.baseUrl))
    throw new ConnectorError('permanent', `GET ${call.route} handed out a next page on another host`);
  return connectorRequest(client.http, { ...call, path: call.route, url });
}

export function appSecretProof(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** Graph's `created_time` is ISO 8601 with a `+0000` offset; the rest of Raize stores `toISOString()`. */
export function graphTime(value: string): string {
  const at = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at) ? value : new Date(at).toISOString();
}
