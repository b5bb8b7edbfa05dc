/**
 * The IG user node with its mention reads, as the Instagram emulator answers them, from:
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment
 *   (`GET /{ig-user-id}?fields=mentioned_comment.comment_id({comment-id}){fields}`: id, like_count, media, text,
 *   timestamp of the IG Comment; an error where the id names no comment that mentions the user)
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_media
 *   (`GET /{ig-user-id}?fields=mentioned_media.media_id({media-id}){fields}`: caption, comments_count, id,
 *   like_count, media_type, timestamp, username; a caption comes without the `@` of the mention)
 * - https://developers.facebook.com/docs/graph-api/guides/field-expansion (`field.modifier(value){subfields}`)
 * - https://developers.facebook.com/docs/graph-api/guides/error-handling (100/33 no such object, 10 permission,
 *   2500 a fields expression that does not parse, 100 a field the node does not have)
 * The answer is the node with the expanded field: `{"mentioned_comment": {...}, "id": "<ig-user-id>"}`.
 */
import type { EmulatorReply } from '../../emulator-server';
import type { IgAuth } from './instagram-content-routes';
import { GRAPH, graphError, traceId } from './instagram-graph-errors';
import type { IgMentionRecord, InstagramWorld } from './instagram-world';

/** Reading what the audience writes needs the comments permission of Instagram Login. */
export const SCOPE_COMMENTS = 'instagram_business_manage_comments';

/** One field of a Graph fields expression: `name.modifier(value){subfields}`. */
export interface FieldNode {
  name: string;
  modifiers: Record<string, string>;
  subfields?: FieldNode[];
}

class FieldSyntaxError extends Error {
  constructor(readonly at: number) {
    super(`Syntax error at character ${at}`);
  }
}

/** Parses a fields expression; throws FieldSyntaxError at the first character it cannot read. */
export function parseFields(expr: string): FieldNode[] {
  let i = 0;
  const skip = () => {
    while (i < expr.length && /\s/.test(expr[i]!)) i++;
  };
  const ident = (): string => {
    skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i));
    if (!m) throw new FieldSyntaxError(i);
    i += m[0].length;
    return m[0];
  };
  const expect = (c: string) => {
    skip();
    if (expr[i] !== c) throw new FieldSyntaxError(i);
    i++;
  };
  const list = (): FieldNode[] => {
    const out: FieldNode[] = [];
    for (;;) {
      const node: FieldNode = { name: ident(), modifiers: {} };
      skip();
      while (expr[i] === '.') {
        i++;
        const key = ident();
        expect('(');
        const close = expr.indexOf(')', i);
        if (close < 0 || expr.slice(i, close).includes('(')) throw new FieldSyntaxError(i);
        node.modifiers[key] = expr.slice(i, close).trim();
        i = close + 1;
        skip();
      }
      if (expr[i] === '{') {
        i++;
        node.subfields = list();
        expect('}');
        skip();
      }
      out.push(node);
      if (expr[i] !== ',') return out;
      i++;
    }
  };
  const fields = list();
  skip();
  if (i !== expr.length) throw new FieldSyntaxError(i);
  return fields;
}

const ok = (json: unknown): EmulatorReply => ({ status: 200, headers: { 'x-fb-trace-id': traceId() }, json });
/** Graph's timestamp format: `2017-08-31T18:10:00+0000`. */
const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

type Node = Record<string, unknown>;
const isReply = (v: Node | EmulatorReply): v is EmulatorReply => 'status' in v && 'json' in v;

/** The subfields asked for, from a node with every field it has; `id` when none are named (the default field). */
function project(all: Node, type: string, subfields: FieldNode[] | undefined): Node | EmulatorReply {
  const out: Node = {};
  for (const f of subfields ?? [{ name: 'id', modifiers: {} }]) {
    if (!(f.name in all))
      return graphError({
        code: 100,
        message: `(#100) Tried accessing nonexisting field (${f.name}) on node type (${type})`,
      });
    const v = all[f.name];
    if (v === undefined) continue;
    if (v && typeof v === 'object') {
      const inner = project(v as Node, f.name, f.subfields);
      if (isReply(inner)) return inner;
      out[f.name] = inner;
    } else out[f.name] = v;
  }
  return out;
}

const commentNode = (m: IgMentionRecord): Node => ({
  id: m.commentId,
  like_count: 0,
  media: { id: m.mediaId },
  text: m.text,
  timestamp: graphTime(m.timestamp),
  username: m.username,
});

const mediaNode = (m: IgMentionRecord): Node => ({
  id: m.mediaId,
  // "Captions that @mention an IG User will not include the @ symbol" unless the app user made the media.
  caption: m.text.replace(/@(\w)/g, '$1'),
  comments_count: 0,
  like_count: 0,
  media_type: 'IMAGE',
  timestamp: graphTime(m.timestamp),
  username: m.username,
});

/**
 * `GET /{ig-user-id}` for the token's own account: its profile fields, and the mention it names by id through
 * `mentioned_comment.comment_id(...)` or `mentioned_media.media_id(...)`.
 */
export function userNode(world: InstagramWorld, auth: IgAuth, fieldsParam: string): EmulatorReply {
  const a = world.account(auth.accountId)!;
  let fields: FieldNode[];
  try {
    fields = parseFields(fieldsParam || 'id');
  } catch (err) {
    const at = err instanceof FieldSyntaxError ? err.at : 0;
    return graphError({
      code: 2500,
      message: `Syntax error "Unexpected character" at character ${at}: ${fieldsParam}`,
    });
  }
  const out: Node = {};
  const profile: Node = { id: a.id, user_id: a.id, username: a.handle, name: a.displayName };
  for (const f of fields) {
    if (f.name === 'mentioned_comment' || f.name === 'mentioned_media') {
      if (!auth.scope.includes(SCOPE_COMMENTS)) return graphError(GRAPH.noPermission);
      const inComment = f.name === 'mentioned_comment';
      const key = inComment ? 'comment_id' : 'media_id';
      const id = f.modifiers[key];
      if (!id) return graphError({ code: 100, message: `(#100) The parameter ${key} is required` });
      const m = world.mentionOf(auth.accountId, id, inComment);
      if (!m) return graphError(GRAPH.noSuchObject);
      const projected = inComment
        ? project(commentNode(m), 'IGComment', f.subfields)
        : project(mediaNode(m), 'IGMedia', f.subfields);
      if (isReply(projected)) return projected;
      out[f.name] = projected;
    } else if (profile[f.name] !== undefined) out[f.name] = profile[f.name];
  }
  out.id = a.id;
  return ok(out);
}
