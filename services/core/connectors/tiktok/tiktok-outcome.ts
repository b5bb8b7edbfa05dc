import type { CallOptions, ConnectorCredential, PlatformPost, PublishContent } from '../connector.types';
import { checkPlatformUrl } from '../platform-url';
import type { TikTokApi, TikTokMe } from './tiktok-api';
import { receiptPostId, reportedPostId, videoForApproxId } from './tiktok-post-id';
import type { TikTokPublishStatus, TikTokVideo } from './tiktok-wire';
import { videoToPost } from './tiktok-wire';

export interface FinishedPublish {
  publishId: string;
  status: TikTokPublishStatus;
  mode: 'direct' | 'draft';
  privacyLevel?: string;
}

/**
 * The post a finished publish stands for. PUBLISH_COMPLETE with a public post id is read through video/query (its
 * caption and share_url); without one (a private post) or for a draft, the receipt stands for it: postId
 * `publish_id:<id>`, no link, and a warning that it cannot be read back.
 */
export async function postOfFinishedPublish(
  api: TikTokApi,
  cred: ConnectorCredential,
  me: TikTokMe,
  content: PublishContent,
  done: FinishedPublish,
  opts: CallOptions,
): Promise<{ post: PlatformPost; warnings: string[] }> {
  const raw = {
    publish_id: done.publishId,
    status: done.status.status,
    mode: done.mode,
    privacy_level: done.privacyLevel ?? null,
  };
  const at = new Date().toISOString();
  const receipt = (text: string): PlatformPost => ({
    postId: receiptPostId(done.publishId),
    url: '',
    text,
    authorExternalId: me.openId,
    createdAt: at,
    requestKey: null,
    raw: { ...raw, authorId: me.openId, createdAt: at },
  });
  if (done.status.status === 'SEND_TO_USER_INBOX')
    return {
      post: receipt(''),
      warnings: [
        'the video is in the creator’s TikTok inbox as a draft: the creator adds the caption and posts it in the TikTok app',
      ],
    };
  const reported = reportedPostId(done.status);
  if (!reported)
    return {
      post: receipt(content.text),
      warnings: ['TikTok gives no post id for a post that is not public: it cannot be read back or linked'],
    };
  // The post is out: a failed lookup must not fail the publish, so the answer falls back to what status/fetch said.
  let video: TikTokVideo | undefined;
  if (reported.exact) {
    const found = await api.videoQuery(cred, [reported.id], opts).catch(() => []);
    video = found.find((v) => v.id === reported.id);
  } else {
    video = await videoForApproxId(api, cred, reported.approx, opts).catch(() => undefined);
  }
  if (video) {
    const post = videoToPost(video, me.openId);
    return { post: { ...post, raw: { ...post.raw, ...raw } }, warnings: [] };
  }
  if (!reported.exact) return { post: receipt(content.text), warnings: ['TikTok’s post id could not be read exactly'] };
  const link = me.username
    ? checkPlatformUrl(`https://www.tiktok.com/@${encodeURIComponent(me.username)}/video/${reported.id}`)
    : { url: '' as const, refused: 'TikTok gave no username to link the post with' };
  return {
    post: {
      postId: reported.id,
      url: link.url,
      ...(link.refused ? { urlRefused: link.refused } : {}),
      text: content.text,
      authorExternalId: me.openId,
      createdAt: at,
      requestKey: null,
      raw: { ...raw, id: reported.id, url: link.url, authorId: me.openId, createdAt: at },
    },
    warnings: [],
  };
}
