import type { ApiVersionPin, CallOptions, ConnectorCredential, PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { tiktokHttp } from './tiktok-http.config';
import { tiktokCall, tiktokRead } from './tiktok-request';
import type { TikTokRoutes } from './tiktok-routes';
import { tiktokRoutes } from './tiktok-routes';
import {
  creatorInfoSchema,
  initSchema,
  statusSchema,
  userInfoSchema,
  VIDEO_FIELDS,
  videoListSchema,
  videoQuerySchema,
  type TikTokCreatorInfo,
  type TikTokPublishStatus,
  type TikTokVideo,
} from './tiktok-wire';
import type { z } from 'zod';

/** The largest page video/list serves. */
export const VIDEO_PAGE_SIZE = 20;

export interface TikTokMe {
  openId: string;
  username?: string;
  displayName?: string;
}

export interface InitRequest {
  mode: 'direct' | 'draft';
  postInfo?: Record<string, string | boolean>;
  sourceInfo: { source: 'FILE_UPLOAD'; video_size: number; chunk_size: number; total_chunk_count: number };
}

/** The TikTok calls Raize makes, one method each, shared by the reader and the writer. */
export class TikTokApi {
  readonly routes: TikTokRoutes;
  readonly http: ConnectorHttpConfig;

  constructor(
    readonly settings: PlatformSettings,
    pin: ApiVersionPin,
  ) {
    this.routes = tiktokRoutes(pin.version);
    this.http = tiktokHttp(settings, pin);
  }

  async me(cred: ConnectorCredential, opts: CallOptions = {}): Promise<TikTokMe> {
    // username needs user.info.profile; open_id (the account id the fingerprint compares) needs user.info.basic.
    const fields = 'open_id,union_id,display_name,username';
    const call = {
      method: 'GET',
      path: `${this.routes.userInfo}?fields=${fields}`,
      route: this.routes.userInfo,
    } as const;
    const { data } = await tiktokCall(
      this.http,
      { ...call, token: cred.accessToken, signal: opts.signal },
      userInfoSchema,
    );
    return { openId: data.user.open_id, username: data.user.username, displayName: data.user.display_name };
  }

  async creatorInfo(cred: ConnectorCredential, opts: CallOptions = {}): Promise<TikTokCreatorInfo> {
    const call = { method: 'POST', path: this.routes.creatorInfo, route: this.routes.creatorInfo } as const;
    const post = { ...call, token: cred.accessToken, signal: opts.signal, json: {} };
    return (await tiktokRead(this.http, post, creatorInfoSchema)).data;
  }

  async init(cred: ConnectorCredential, req: InitRequest, opts: CallOptions = {}) {
    const route = req.mode === 'draft' ? this.routes.inboxInit : this.routes.videoInit;
    const json =
      req.mode === 'draft' ? { source_info: req.sourceInfo } : { post_info: req.postInfo, source_info: req.sourceInfo };
    const call = { method: 'POST', path: route, route } as const;
    return tiktokCall(this.http, { ...call, token: cred.accessToken, signal: opts.signal, json }, initSchema);
  }

  /**
   * The publish's receipt. As a `read` (readPost) a lost answer is simply retried; the writer, after its upload,
   * treats a lost answer as what it is there: the post's fate unknown.
   */
  async status(
    cred: ConnectorCredential,
    publishId: string,
    opts: CallOptions = {},
    as: 'read' | 'after_upload' = 'after_upload',
  ): Promise<TikTokPublishStatus> {
    const call = { method: 'POST', path: this.routes.status, route: this.routes.status } as const;
    const post = { ...call, token: cred.accessToken, signal: opts.signal, json: { publish_id: publishId } };
    return (await (as === 'read' ? tiktokRead : tiktokCall)(this.http, post, statusSchema)).data;
  }

  async videoQuery(cred: ConnectorCredential, ids: string[], opts: CallOptions = {}): Promise<TikTokVideo[]> {
    const path = `${this.routes.videoQuery}?fields=${VIDEO_FIELDS.join(',')}`;
    const call = { method: 'POST', path, route: this.routes.videoQuery } as const;
    const post = { ...call, token: cred.accessToken, signal: opts.signal, json: { filters: { video_ids: ids } } };
    return (await tiktokRead(this.http, post, videoQuerySchema)).data.videos;
  }

  async videoPage(
    cred: ConnectorCredential,
    cursor: number | undefined,
    opts: CallOptions = {},
    maxCount: number = VIDEO_PAGE_SIZE,
  ): Promise<z.infer<typeof videoListSchema>> {
    const path = `${this.routes.videoList}?fields=${VIDEO_FIELDS.join(',')}`;
    const call = { method: 'POST', path, route: this.routes.videoList } as const;
    const json = { max_count: maxCount, ...(cursor !== undefined ? { cursor } : {}) };
    return (
      await tiktokRead(this.http, { ...call, token: cred.accessToken, signal: opts.signal, json }, videoListSchema)
    ).data;
  }
}
