// Creating posts (with media and idempotency) and comments; both emit webhooks. Shared by the API and the pages.
import { HttpError } from './http-utils';
import { randomId, sha256Hex } from './secrets';
import type { SandboxDeps } from './deps';
import type { CreatePostInput, ListMyPostsQuery } from './schemas';
import type { StoredMediaBlob } from './store';
import type { Comment, PostsPage, SandboxMedia, SandboxPost } from './sandbox.types';

export interface CreatePostResult {
  post: SandboxPost;
  /** True when an earlier post with the same Idempotency-Key was returned instead of creating one. */
  replayed: boolean;
}

const SHA256_CHECKSUM = /^(?:sha256:)?([0-9a-fA-F]{64})$/;

function buildMedia(deps: SandboxDeps, postId: string, input: CreatePostInput['media']) {
  const media: SandboxMedia[] = [];
  const blobs: StoredMediaBlob[] = [];
  for (const [index, item] of (input ?? []).entries()) {
    const id = randomId('sbx_m_');
    if (item.dataBase64 !== undefined) {
      const bytes = Buffer.from(item.dataBase64, 'base64');
      const digest = sha256Hex(bytes);
      const claimed = item.checksum ? SHA256_CHECKSUM.exec(item.checksum) : null;
      if (claimed && claimed[1]!.toLowerCase() !== digest) {
        throw new HttpError(422, 'checksum_mismatch', `media[${index}].checksum does not match the uploaded bytes`);
      }
      media.push({
        id,
        contentType: item.contentType,
        url: `${deps.publicUrl()}/media/${id}`,
        checksum: `sha256:${digest}`,
        sizeBytes: bytes.length,
      });
      blobs.push({ id, postId, contentType: item.contentType, dataBase64: bytes.toString('base64') });
    } else {
      media.push({
        id,
        contentType: item.contentType,
        url: item.url!,
        ...(item.checksum ? { checksum: item.checksum } : {}),
      });
    }
  }
  return { media, blobs };
}

/**
 * Creates a post for `authorId`. With an idempotency key (and the ignoreIdempotencyKey flag off) a repeat from the
 * same identity returns the original post; the same key with a different body is refused with 422.
 * Runs synchronously after validation so concurrent duplicates cannot both create.
 */
export function createPost(
  deps: SandboxDeps,
  authorId: string,
  input: CreatePostInput,
  idempotencyKey?: string,
): CreatePostResult {
  const { store } = deps;
  const useKey = idempotencyKey !== undefined && !store.data.flags.ignoreIdempotencyKey;
  const bodyHash = sha256Hex(JSON.stringify(input));
  if (useKey) {
    const previous = store.findIdempotency(authorId, idempotencyKey);
    if (previous) {
      if (previous.bodyHash !== bodyHash) {
        throw new HttpError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different request body',
        );
      }
      const post = store.findPost(previous.postId);
      if (post) return { post, replayed: true };
    }
  }

  const id = randomId('sbx_p_');
  const { media, blobs } = buildMedia(deps, id, input.media);
  const createdAt = store.nowIso();
  const post: SandboxPost = {
    id,
    url: `${deps.publicUrl()}/p/${id}`,
    text: input.text,
    media,
    authorId,
    createdAt,
    requestKey: idempotencyKey ?? null,
  };
  store.mutate((state) => {
    state.posts.push(post);
    state.mediaBlobs.push(...blobs);
    if (useKey) {
      state.idempotency = state.idempotency.filter((r) => !(r.userId === authorId && r.key === idempotencyKey));
      state.idempotency.push({ userId: authorId, key: idempotencyKey, bodyHash, postId: id, createdAt });
    }
  });
  deps.webhooks.emit({ type: 'post.created', data: { post: publicPost(deps, post) } });
  return { post, replayed: false };
}

export function createComment(deps: SandboxDeps, post: SandboxPost, authorId: string, text: string): Comment {
  const comment: Comment = { id: randomId('sbx_c_'), postId: post.id, authorId, text, createdAt: deps.store.nowIso() };
  deps.store.mutate((state) => {
    state.comments.push(comment);
  });
  deps.webhooks.emit({
    type: 'comment.created',
    data: { comment, post: { id: post.id, authorId: post.authorId, url: post.url } },
  });
  return comment;
}

/** A post as API clients see it: `requestKey` only while the echoRequestKey flag is on. */
export function publicPost(deps: SandboxDeps, post: SandboxPost): SandboxPost {
  const { requestKey, ...rest } = post;
  return deps.store.data.flags.echoRequestKey ? { ...rest, requestKey: requestKey ?? null } : rest;
}

const encodeCursor = (postId: string) => Buffer.from(postId, 'utf8').toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * One page of an author's posts, newest first. The cursor names the last post of the previous page, so a page
 * stays stable while newer posts are created on top of it.
 */
export function postsPageByAuthor(deps: SandboxDeps, authorId: string, query: ListMyPostsQuery): PostsPage {
  const posts = deps.store.data.posts;
  let start = posts.length - 1;
  if (query.cursor !== undefined) {
    const at = posts.findIndex((p) => p.id === decodeCursor(query.cursor!));
    if (at < 0 || posts[at]!.authorId !== authorId)
      throw new HttpError(400, 'invalid_cursor', 'cursor does not come from this listing');
    start = at - 1;
  }
  const sinceMs = query.since ? Date.parse(query.since) : undefined;
  const data: SandboxPost[] = [];
  let more = false;
  for (let i = start; i >= 0; i--) {
    const post = posts[i]!;
    if (post.authorId !== authorId) continue;
    if (sinceMs !== undefined && Date.parse(post.createdAt) < sinceMs) continue;
    if (data.length === query.limit) {
      more = true;
      break;
    }
    data.push(post);
  }
  return {
    data: data.map((p) => publicPost(deps, p)),
    next_cursor: more ? encodeCursor(data[data.length - 1]!.id) : null,
  };
}
