import type { ZodType } from 'zod';
import type { CallOptions, ConnectorCredential, PlatformSettings } from '../connector.types';
import type { ConnectorAnswer, ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer, sameOrigin } from '../http/connector-http';
import { mapInstagramError } from './instagram-errors';
import type { IgMe } from './instagram-wire';
import { igMeSchema } from './instagram-wire';

/** The real API host of the Instagram API with Instagram Login (configuration default; tests point at the emulator). */
export const INSTAGRAM_DEFAULT_BASE_URL = 'https://graph.instagram.com';
/** Instagram Login's code exchange lives on its own host. */
const INSTAGRAM_TOKEN_HOST = 'https://api.instagram.com';
/** Where a browser is sent for consent: never the API host. */
const INSTAGRAM_DIALOG_HOST = 'https://www.instagram.com';

export const INSTAGRAM_REQUEST_TIMEOUT_MS = 30_000;

/** The three origins Instagram Login uses; an emulator or a proxy serves all three on one. */
export interface InstagramHosts {
  graph: string;
  token: string;
  dialog: string;
}

export function instagramHosts(settings: PlatformSettings): InstagramHosts {
  const graph = settings.baseUrl.replace(/\/+$/, '');
  const real = sameOrigin(graph, INSTAGRAM_DEFAULT_BASE_URL);
  return {
    graph,
    token: real ? INSTAGRAM_TOKEN_HOST : graph,
    dialog: (settings.publicUrl ?? (real ? INSTAGRAM_DIALOG_HOST : graph)).replace(/\/+$/, ''),
  };
}

export function instagramHttp(settings: PlatformSettings): ConnectorHttpConfig {
  return {
    platform: 'instagram',
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs ?? INSTAGRAM_REQUEST_TIMEOUT_MS,
    // Graph's own trace id; error bodies repeat it as fbtrace_id.
    requestIdHeader: 'x-fb-trace-id',
    mapError: mapInstagramError,
  };
}

/** One Graph call: the path after the version (`/me`), the route shape errors and logs name, the query. */
export interface IgCall {
  path: string;
  route: string;
  query?: Record<string, string>;
}

/**
 * Graph calls on the pinned version. The token travels in the Authorization header, which Graph accepts like the
 * documented `access_token` parameter, so it never sits in a URL a proxy may log.
 */
export class InstagramGraph {
  constructor(
    readonly http: ConnectorHttpConfig,
    readonly version: string,
    readonly allowLoopbackHttpLinks: boolean,
  ) {}

  static from(settings: PlatformSettings, version: string): InstagramGraph {
    return new InstagramGraph(instagramHttp(settings), version, settings.allowLoopbackHttpLinks === true);
  }

  async get<T>(schema: ZodType<T>, cred: ConnectorCredential, call: IgCall, opts: CallOptions = {}): Promise<T> {
    const shape = { method: 'GET', route: call.route } as const;
    const answer = await this.send(cred, 'GET', call, undefined, opts);
    return parseAnswer(schema, answer, shape);
  }

  async post<T>(
    schema: ZodType<T>,
    cred: ConnectorCredential,
    call: IgCall,
    form: Record<string, string>,
    opts: CallOptions = {},
  ): Promise<{ body: T; requestId?: string }> {
    const shape = { method: 'POST', route: call.route } as const;
    const answer = await this.send(cred, 'POST', call, form, opts);
    return { body: parseAnswer(schema, answer, shape), requestId: answer.requestId };
  }

  /** The Instagram professional account the token acts for: its `user_id` is the id every edge is addressed by. */
  me(cred: ConnectorCredential, opts: CallOptions = {}): Promise<IgMe> {
    return this.get(igMeSchema, cred, { path: '/me', route: '/me', query: { fields: 'user_id,username,name' } }, opts);
  }

  private send(
    cred: ConnectorCredential,
    method: 'GET' | 'POST',
    call: IgCall,
    form: Record<string, string> | undefined,
    opts: CallOptions,
  ): Promise<ConnectorAnswer> {
    const qs = new URLSearchParams(call.query).toString();
    return connectorRequest(this.http, {
      method,
      path: `/${this.version}${call.path}${qs ? `?${qs}` : ''}`,
      route: `/${this.version}${call.route}`,
      token: cred.accessToken,
      form,
      signal: opts.signal,
    });
  }
}
