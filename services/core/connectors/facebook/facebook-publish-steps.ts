import type { PublishMedia } from '../connector.types';
import { parseAnswer } from '../http/connector-http';
import type { GraphClient } from './facebook-graph';
import { graphRequest, graphTime } from './facebook-graph';
import { graphCreatedSchema, graphPhotoCreatedSchema, graphVideoSchema, graphVideosPageSchema } from './facebook-wire';

export const VIDEO_POLL_MS = 5_000;
/** 20 minutes of polls; a slower video is left to the next attempt, which resumes waiting on the same video id. */
export const VIDEO_MAX_POLLS = 240;

export interface StepCall {
  token: string;
  pageId: string;
  signal?: AbortSignal;
}

export type VideoState =
  { state: 'ready'; postId?: string } | { state: 'processing' } | { state: 'failed'; status: string };

/**
 * The Pages API calls a publish is made of, one method per documented request. Media go up as bytes
 * (multipart `source`), so a Page never depends on our artifact URL being reachable from Facebook.
 */
export class FacebookPublishSteps {
  constructor(
    private readonly api: GraphClient,
    private readonly upload: GraphClient,
  ) {}

  /** POST /{page-id}/feed: a text or link post, or the post that attaches unpublished photos. */
  async feed(c: StepCall, post: { message: string; link?: string; photoIds?: string[] }): Promise<string> {
    const call = { method: 'POST', route: '/{page-id}/feed' } as const;
    const form: Record<string, string> = {};
    if (post.message) form.message = post.message;
    if (post.link) form.link = post.link;
    post.photoIds?.forEach((id, i) => (form[`attached_media[${i}]`] = JSON.stringify({ media_fbid: id })));
    const a = await graphRequest(this.api, {
      ...call,
      path: `/${c.pageId}/feed`,
      form,
      token: c.token,
      signal: c.signal,
    });
    return parseAnswer(graphCreatedSchema, a, call).id;
  }

  /**
   * POST /{page-id}/photos with the bytes. Published, it is the post (its `post_id`); unpublished, it waits to be
   * attached to a /feed post.
   */
  async photo(c: StepCall, photo: PublishMedia, opts: { caption?: string; published: boolean }) {
    const call = { method: 'POST', route: '/{page-id}/photos' } as const;
    const body = withSource(photo);
    if (opts.caption) body.set('caption', opts.caption);
    body.set('published', String(opts.published));
    const a = await graphRequest(this.upload, {
      ...call,
      path: `/${c.pageId}/photos`,
      multipart: body,
      token: c.token,
      signal: c.signal,
    });
    return parseAnswer(graphPhotoCreatedSchema, a, call);
  }

  /** POST /{page-id}/videos with the bytes (the non-resumable upload): the video id; its post follows processing. */
  async video(c: StepCall, video: PublishMedia, description: string): Promise<string> {
    const call = { method: 'POST', route: '/{page-id}/videos' } as const;
    const body = withSource(video);
    if (description) body.set('description', description);
    const a = await graphRequest(this.upload, {
      ...call,
      path: `/${c.pageId}/videos`,
      multipart: body,
      token: c.token,
      signal: c.signal,
    });
    return parseAnswer(graphCreatedSchema, a, call).id;
  }

  /** GET /{video-id}?fields=status,post_id: Facebook's processing state (VideoStatus.video_status). */
  async videoState(c: StepCall, videoId: string): Promise<VideoState> {
    const call = { method: 'GET', route: '/{video-id}' } as const;
    const a = await graphRequest(this.api, {
      ...call,
      path: `/${encodeURIComponent(videoId)}`,
      query: { fields: 'id,status,post_id' },
      token: c.token,
      signal: c.signal,
    });
    const v = parseAnswer(graphVideoSchema, a, call);
    const status = v.status?.video_status ?? 'processing';
    if (status === 'ready') return { state: 'ready', postId: v.post_id };
    if (status === 'error' || status === 'expired') return { state: 'failed', status };
    return { state: 'processing' };
  }

  /** GET /{page-id}/videos since a time: the Page's uploads, processing ones included (unlike /posts). */
  async videosSince(c: StepCall, since: Date) {
    const call = { method: 'GET', route: '/{page-id}/videos' } as const;
    const a = await graphRequest(this.api, {
      ...call,
      path: `/${c.pageId}/videos`,
      query: { fields: 'id,description,created_time', type: 'uploaded', limit: '25' },
      token: c.token,
      signal: c.signal,
    });
    return parseAnswer(graphVideosPageSchema, a, call)
      .data.map((v) => ({ id: v.id, description: v.description ?? '', createdAt: graphTime(v.created_time ?? '') }))
      .filter((v) => Date.parse(v.createdAt) >= since.getTime());
  }
}

function withSource(m: PublishMedia): FormData {
  const body = new FormData();
  const ext = m.contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
  body.set('source', new Blob([m.bytes], { type: m.contentType }), `upload.${ext}`);
  return body;
}
