import fc from 'fast-check';
import { API_TOKEN_SCOPES } from '../../../services/core/database/entities/api-token.entity';
import { KB_SOURCE_KINDS } from '../../../services/core/database/entities/kb-source.entity';
import { KILL_SWITCH_SCOPES } from '../../../services/core/database/entities/kill-switch.entity';
import { KEYED_PROVIDERS } from '../../../services/core/providers/keys/provider-key.service';
import { PROVIDER_IDS } from '../../../services/core/providers/provider.types';
import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';
import type { FuzzPools } from '../fuzz-pools';
import { FUZZ_HOOK_URL } from '../fuzz-seed';

/**
 * Values of the right shape for an argument or input field, chosen by its name, so that most fuzzed calls get past
 * format checks and reach the code behind them (permissions, lookups, writes). Each is still only one of the
 * branches the input arbitrary picks from; the others are hostile.
 */

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Future instants: schedulable, as the API expects of a post or a reschedule. */
const futureInstant = fc
  .integer({ min: 2, max: 300 * 24 * 60 })
  .map((m) => new Date(Date.now() + m * 60_000).toISOString());
const localDate = fc.integer({ min: -40, max: 120 }).map((d) => isoDay(Date.now() + d * DAY));
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const words = fc.oneof(
  fc.constantFrom('Fuzzed words', 'Spring launch, with a link https://example.test/x', 'Thanks!'),
  fc.string({ minLength: 1, maxLength: 60 }),
);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

/** Table(s) whose ids an ID argument of this name names. */
export const ID_TABLES: Record<string, string[]> = {
  clientId: ['clients'],
  agencyId: ['agencies'],
  scopeId: ['clients', 'agencies', 'platform_accounts'],
  platformAccountId: ['platform_accounts'],
  accountId: ['platform_accounts'],
  crossPostAccountIds: ['platform_accounts'],
  conversationId: ['conversations'],
  postId: ['publish_jobs'],
  postIds: ['publish_jobs'],
  assetId: ['assets'],
  subscriptionId: ['webhook_subscriptions'],
  deliveryId: ['webhook_deliveries'],
  reviewerId: ['client_reviewers'],
  profileId: ['browser_profiles'],
  itemId: ['plan_items'],
  planId: ['plans'],
  attemptId: ['oauth_attempts'],
  assigneeId: ['users'],
  slotId: ['queue_slots'],
  reportId: ['reports'],
  replyId: ['engagement_replies'],
  linkId: ['review_links', 'report_links'],
  reviewLinkId: ['review_links'],
};

const pick = (pool: Record<string, string[]>, name: string): string[] =>
  (ID_TABLES[name] ?? Object.keys(pool)).flatMap((t) => pool[t] ?? []);

/** A real id of the fuzzing tenant for this argument name (any of its ids for a bare `id`), else a fresh UUID. */
export function ownId(name: string, pools: FuzzPools): fc.Arbitrary<string> {
  const ids = pick(pools.own, name);
  return ids.length ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, fc.uuid()) : fc.uuid();
}

/** A real id of the other tenant: it must be answered exactly as one that does not exist. */
export function foreignId(name: string, pools: FuzzPools): fc.Arbitrary<string> {
  const ids = pick(pools.foreign, name);
  return ids.length ? fc.constantFrom(...ids) : fc.uuid();
}

const sampleCsv = (pools: FuzzPools) =>
  fc
    .tuple(fc.constantFrom(...(pools.handles.length ? pools.handles : ['nobody'])), fc.integer({ min: 2, max: 200 }))
    .map(
      ([handle, days]) => `text,accounts,date\n"Fuzzed, quoted",@${handle},${isoDay(Date.now() + days * DAY)}T10:00\n`,
    );

const storageState = JSON.stringify({
  cookies: [
    {
      name: 'fuzz',
      value: 'fuzzed-session',
      domain: 'fuzz.example',
      path: '/',
      expires: -1,
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
    },
  ],
  origins: [],
});

/** Strings by name; a name not listed gets short words. */
export function wellFormedString(name: string, pools: FuzzPools): fc.Arbitrary<string> {
  const byName: Record<string, () => fc.Arbitrary<string>> = {
    timezone: () => fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kolkata'),
    email: () => fc.constantFrom('fuzz.reviewer@example.test', 'another.one@example.test'),
    recipients: () => fc.constantFrom('fuzz.reader@example.test', 'client@example.test'),
    scheduledAt: () => futureInstant,
    startDate: () => localDate,
    endDate: () => localDate,
    from: () => localDate,
    to: () => localDate,
    time: () => hhmm,
    postingTimes: () => hhmm,
    cadence: () => fc.constantFrom('weekly', 'monthly'),
    provider: () => fc.constantFrom(...KEYED_PROVIDERS),
    text: () => words,
    image: () => fc.constantFrom(...PROVIDER_IDS),
    video: () => fc.constantFrom(...PROVIDER_IDS),
    avatar: () => fc.constantFrom(...PROVIDER_IDS),
    apiKey: () => fc.constantFrom('sk-fuzz-0123456789abcdefghijklmnop', 'fuzz-key-1234'),
    csv: () => sampleCsv(pools),
    dryRunDigest: () => hex64,
    checksum: () => (pools.checksums.length ? fc.constantFrom(...pools.checksums) : hex64),
    assetChecksum: () => (pools.checksums.length ? fc.constantFrom(...pools.checksums) : hex64),
    mediaKey: () => (pools.mediaKeys.length ? fc.constantFrom(...pools.mediaKeys) : fc.constant('a/b/image/c.png')),
    logoArtifactKey: () => (pools.mediaKeys.length ? fc.constantFrom(...pools.mediaKeys) : fc.constant('a/b')),
    code: () => fc.stringMatching(/^\d{6}$/),
    currentCode: () => fc.stringMatching(/^\d{6}$/),
    totpCode: () => fc.stringMatching(/^\d{6}$/),
    password: () => fc.constant('not the password at all'),
    currentPassword: () => fc.constant('not the password at all'),
    storageState: () => fc.constant(storageState),
    url: () => fc.constantFrom(FUZZ_HOOK_URL, 'https://docs.example.test/brand.html'),
    platform: () => fc.constantFrom(...PLATFORM_IDS),
    scope: () => fc.constantFrom(...KILL_SWITCH_SCOPES),
    scopes: () => fc.constantFrom(...API_TOKEN_SCOPES),
    action: () => fc.constantFrom('publish', 'reply', 'dm'),
    kind: () => fc.constantFrom('text', 'image', 'video', ...KB_SOURCE_KINDS),
    publishAutonomy: () => fc.constantFrom('manual', 'assisted', 'autonomous'),
    replyAutonomy: () => fc.constantFrom('manual', 'assisted', 'autonomous'),
    dmAutonomy: () => fc.constantFrom('manual', 'assisted', 'autonomous'),
    likeAutonomy: () => fc.constantFrom('manual', 'assisted', 'autonomous'),
    hideAutonomy: () => fc.constantFrom('manual', 'assisted', 'autonomous'),
    engagementClassifier: () => fc.constantFrom('rules', 'llm'),
    engagementDrafter: () => fc.constantFrom('templates', 'llm'),
    colours: () => fc.constantFrom('#1a2b3c', '#fff'),
    hashtags: () => fc.constantFrom('#fuzz', '#launch'),
    scriptDomains: () => fc.constantFrom('example.test', 'cdn.example.test'),
    replyLinkAllowlist: () => fc.constantFrom('example.test', 'shop.example.test'),
    avatarId: () => fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
    voiceId: () => fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
    fileName: () => fc.constantFrom('notes.txt', 'brand.md'),
    contentType: () => fc.constantFrom('text/plain', 'text/markdown'),
    workflowId: () => fc.constantFrom('publish-fuzz', 'fuzz-workflow'),
    runId: () => fc.uuid(),
  };
  return (byName[name] ?? (() => words))();
}

/** Integers by name, inside the range the API documents for them. */
export function wellFormedInt(name: string): fc.Arbitrary<number> {
  const ranges: Record<string, [number, number]> = {
    weekday: [0, 6],
    dayOfMonth: [1, 28],
    expiresInDays: [1, 90],
    first: [1, 50],
    count: [1, 20],
    limit: [1, 50],
    days: [1, 30],
    postsPerWeek: [1, 7],
    weight: [1, 10],
    quietHoursStart: [0, 23],
    quietHoursEnd: [0, 23],
    latenessCutoffSeconds: [60, 3600],
    maxPublishesPerAccountPerDay: [0, 50],
    callsPerMinute: [1, 600],
    eventId: [1, 40],
  };
  const [min, max] = ranges[name] ?? [0, 100];
  return fc.integer({ min, max });
}

export function wellFormedFloat(): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
}

export { futureInstant };
