import fc from 'fast-check';
import { anyInstant, hostileInt, hostileString, wrongKind } from '../hostile-values';

/**
 * Payloads near each scheme's documented shape, with any leaf swapped for a hostile value: the shapes the
 * normalisers read (services/ingest/normalise), so signed garbage reaches the parsing, the bounds and the store.
 */

/** Mostly well-formed, sometimes hostile, now and then of another JSON type. */
const leaf = <T>(good: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown> = hostileString) =>
  fc.oneof({ weight: 10, arbitrary: good }, { weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: wrongKind });

const platformId = fc.oneof(fc.stringMatching(/^[0-9]{15,17}$/), fc.stringMatching(/^[a-z]{3}_[a-z0-9]{6,12}$/));
const words = fc.oneof(fc.constantFrom('Is this in stock?', 'Refund please', ''), fc.string({ maxLength: 80 }));
const isoNow = fc.integer({ min: -3600, max: 3600 }).map((s) => new Date(Date.now() + s * 1000).toISOString());
const instant = leaf(isoNow, fc.oneof(anyInstant, hostileString, hostileInt));

/** Keys Postgres refuses in jsonb (NUL, an unpaired surrogate) or that mean something to JavaScript objects. */
const hostileKey = fc.constantFrom('\u0000', 'k\u0000', '\ud800', '__proto__', 'constructor', '', ' ');
/** An object that sometimes carries an extra member under a hostile key, with any value. */
const withExtra = <T extends Record<string, unknown>>(o: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: o },
    {
      weight: 1,
      arbitrary: fc.tuple(o, hostileKey, fc.jsonValue({ maxDepth: 2 })).map(([v, k, x]) => {
        const out: Record<string, unknown> = { ...v };
        Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
        return out;
      }),
    },
  );

export const sandboxPayload: fc.Arbitrary<unknown> = fc
  .tuple(platformId, platformId, fc.boolean())
  .chain(([account, author, dm]) =>
    withExtra(
      fc.record({
        id: leaf(fc.stringMatching(/^sbx_evt_[a-z0-9]{12}$/)),
        type: leaf(fc.constantFrom('comment.created', 'dm.created', 'post.created', 'comment.deleted')),
        createdAt: instant,
        data: dm
          ? withExtra(
              fc.record({
                message: withExtra(
                  fc.record({
                    id: leaf(fc.stringMatching(/^sbx_m_[a-z0-9]{10}$/)),
                    fromUserId: leaf(fc.constant(author)),
                    toUserId: leaf(fc.constant(account)),
                    text: leaf(words),
                    createdAt: instant,
                  }),
                ),
              }),
            )
          : withExtra(
              fc.record({
                comment: withExtra(
                  fc.record({
                    id: leaf(fc.stringMatching(/^sbx_c_[a-z0-9]{10}$/)),
                    postId: leaf(fc.constant('sbx_p_fuzz')),
                    authorId: leaf(fc.constantFrom(author, account)),
                    text: leaf(words),
                    createdAt: instant,
                  }),
                ),
                post: withExtra(
                  fc.record({ id: leaf(fc.constant('sbx_p_fuzz')), authorId: leaf(fc.constant(account)) }),
                ),
              }),
            ),
      }),
    ),
  );

const metaTime = leaf(
  fc.integer({ min: -3600, max: 3600 }).map((s) => Math.floor(Date.now() / 1000) + s),
  fc.oneof(hostileInt, anyInstant, hostileString),
);

const metaChange = fc.oneof(
  fc.record({
    field: leaf(fc.constantFrom('comments', 'live_comments', 'mentions')),
    value: withExtra(
      fc.record(
        {
          id: leaf(platformId),
          text: leaf(words),
          from: withExtra(fc.record({ id: leaf(platformId), username: leaf(fc.constant('fan')) })),
          media: fc.record({ id: leaf(platformId) }),
          parent_id: leaf(platformId),
          media_id: leaf(platformId),
          comment_id: leaf(platformId),
        },
        { requiredKeys: ['id'] },
      ),
    ),
  }),
  fc.record({
    field: leaf(fc.constantFrom('feed', 'mention')),
    value: withExtra(
      fc.record(
        {
          item: leaf(fc.constantFrom('comment', 'post', 'reaction')),
          verb: leaf(fc.constantFrom('add', 'edited', 'remove')),
          comment_id: leaf(platformId),
          post_id: leaf(platformId),
          parent_id: leaf(platformId),
          from: fc.record({ id: leaf(platformId), name: leaf(fc.constant('Fan')) }),
          message: leaf(words),
          created_time: metaTime,
          sender_id: leaf(platformId),
        },
        { requiredKeys: ['item', 'verb'] },
      ),
    ),
  }),
);

const metaMessaging = withExtra(
  fc.record({
    sender: fc.record({ id: leaf(platformId) }),
    recipient: fc.record({ id: leaf(platformId) }),
    timestamp: metaTime,
    message: withExtra(
      fc.record(
        { mid: leaf(fc.stringMatching(/^m_[A-Za-z0-9]{10,20}$/)), text: leaf(words), is_echo: leaf(fc.boolean()) },
        { requiredKeys: ['mid'] },
      ),
    ),
  }),
);

export const metaPayload: fc.Arbitrary<unknown> = withExtra(
  fc.record({
    object: leaf(fc.constantFrom('instagram', 'page', 'user')),
    entry: leaf(
      fc.array(
        withExtra(
          fc.record(
            {
              id: leaf(platformId),
              time: metaTime,
              changes: fc.array(metaChange, { maxLength: 3 }),
              messaging: fc.array(metaMessaging, { maxLength: 2 }),
            },
            { requiredKeys: ['id'] },
          ),
        ),
        { maxLength: 3 },
      ),
    ),
  }),
);

export const standardPayload: fc.Arbitrary<unknown> = withExtra(
  fc.record({
    type: leaf(fc.constantFrom('comment.created', 'reply.created', 'mention.created', 'dm.created', 'like.created')),
    timestamp: instant,
    data: withExtra(
      fc.record(
        {
          account_id: leaf(platformId),
          id: leaf(fc.stringMatching(/^c_[a-z0-9]{12}$/)),
          parent_id: leaf(platformId),
          author: withExtra(fc.record({ id: leaf(platformId), handle: leaf(fc.constant('@fan')) })),
          text: leaf(words),
          created_at: instant,
        },
        { requiredKeys: ['account_id', 'id', 'text'] },
      ),
    ),
  }),
);
