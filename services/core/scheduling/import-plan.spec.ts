import { CsvError } from './csv';
import type { ImportPlanContext, MediaCheck } from './import-plan';
import { planImport } from './import-plan';
import { rowError } from './import-row-errors';
import { slotInstants } from './slot-instants';
import { localDateOf } from './zoned-time';

const TZ = 'Europe/Berlin';
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const NOW = new Date('2026-05-04T06:00:00Z'); // Monday 08:00 in Berlin

/** A context with in-memory accounts and slots: Mon–Fri 09:00 and 17:00 for account A. */
function ctx(over: Partial<ImportPlanContext> = {}, taken: Date[] = []): ImportPlanContext {
  const slots = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, minuteOfDay: 9 * 60 },
    { weekday, minuteOfDay: 17 * 60 },
  ]);
  return {
    clientId: 'c0000000-0000-4000-8000-000000000000',
    timezone: TZ,
    now: NOW,
    accounts: [
      { id: A, platform: 'sandbox', handle: 'brand', status: 'connected', label: 'sandbox:@brand' },
      { id: B, platform: 'sandbox', handle: 'other', status: 'connected', label: 'sandbox:@other' },
      { id: C, platform: 'sandbox', handle: 'gone', status: 'disconnected', label: 'sandbox:@gone' },
    ],
    accountsWithSlots: new Set([A]),
    enabledPlatforms: [],
    caps: [],
    platformRules: () => ({
      maxChars: 20,
      textLength: (t: string) => [...t].length,
      requiresMedia: false,
      contentTypes: ['image/png', 'image/jpeg'],
      image: true,
      video: false,
      disallowedByDefault: false,
    }),
    checkMediaUrl: async (url): Promise<MediaCheck> =>
      url.includes('169.254')
        ? { error: rowError('media_refused', 'media URL refused: private address', 'media_urls') }
        : { contentType: url.endsWith('.mp4') ? 'video/mp4' : 'image/png' },
    freeSlots: async ({ after, count, exclude }) =>
      slotInstants(slots, localDateOf(after, TZ), 60, TZ)
        .filter((d) => d > after && !exclude.has(d.getTime()) && !taken.some((t) => t.getTime() === d.getTime()))
        .slice(0, count),
    scheduledPerDay: async () => [],
    ...over,
  };
}

const csv = (...rows: string[]) =>
  ['text,accounts,date,media_urls,recurrence,evergreen,evergreen_interval_days', ...rows].join('\n');
const codes = (plan: Awaited<ReturnType<typeof planImport>>, line: number) =>
  plan.rows
    .find((r) => r.line === line)!
    .errors.map((e) => e.code)
    .sort();

describe('planImport (the dry run)', () => {
  it('lists every error of each bad row against that row, and marks the plan invalid', async () => {
    const plan = await planImport(
      csv(
        'ok,@brand,2026-05-06T10:00,,,,',
        ',@nobody,2026-13-01T10:00,,,,',
        'this text is far too long for the limit,@brand,2026-05-01T10:00,,,,',
        'media,@brand,next,http://169.254.169.254/x.png https://e.test/b.png,,,',
        'video,@brand,next,https://e.test/v.mp4,,,',
        'rec,@brand,2026-05-06T10:00,,monthly:3,,',
        'ever,@other,next,,,true,7',
        'gone,sandbox:gone,2026-05-06T10:00,,,,',
        'ok,@brand,2026-05-06T10:00,,,,',
      ),
      ctx(),
    );
    expect(plan.valid).toBe(false);
    expect(codes(plan, 2)).toEqual([]);
    expect(codes(plan, 3)).toEqual(['bad_date', 'empty_text', 'unknown_account']);
    expect(codes(plan, 4)).toEqual(['past_date', 'text_too_long']);
    expect(codes(plan, 5)).toEqual(['media_refused', 'too_many_media']);
    expect(codes(plan, 6)).toEqual(['media_not_supported']);
    expect(codes(plan, 7)).toEqual(['bad_recurrence']);
    expect(codes(plan, 8)).toEqual(['no_queue_slots']);
    expect(codes(plan, 9)).toEqual(['account_not_connected']);
    expect(codes(plan, 10)).toEqual(['duplicate_row']);
    expect(plan.rows[8].errors[0].message).toMatch(/line 2/);
  });

  it("checks each row against the platform's own media rules: required media and the types it takes", async () => {
    const strict = () => ({
      maxChars: 100,
      textLength: (t: string) => [...t].length,
      requiresMedia: true,
      contentTypes: ['image/jpeg'],
      image: true,
      video: false,
      disallowedByDefault: false,
    });
    const plan = await planImport(
      csv('no media,@brand,2026-05-06T10:00,,,,', 'png,@other,2026-05-06T11:00,https://e.test/b.png,,,'),
      ctx({ platformRules: strict }),
    );
    expect(codes(plan, 2)).toEqual(['media_required']);
    expect(codes(plan, 3)).toEqual(['media_not_supported']);
    expect(plan.rows.find((r) => r.line === 3)!.errors[0].message).toMatch(
      /takes image\/jpeg; this URL serves image\/png/,
    );
  });

  it('gives `next` rows the first free slots in file order, skipping slots already taken', async () => {
    const mondayEvening = new Date('2026-05-04T15:00:00Z'); // Mon 17:00 Berlin, already taken
    const plan = await planImport(
      csv('a,@brand,next,,,,', 'b,@brand,next,,,,', 'c,@brand,next,,,,'),
      ctx({}, [mondayEvening]),
    );
    expect(plan.valid).toBe(true);
    expect(plan.rows.map((r) => r.occurrences[0].local)).toEqual([
      '2026-05-04T09:00',
      '2026-05-05T09:00',
      '2026-05-05T17:00',
    ]);
  });

  it('expands recurrence and evergreen rows into their occurrences', async () => {
    const plan = await planImport(csv('w,@brand,2026-05-06T10:00,,weekly:3,,', 'e,@brand,next,,,yes,40'), ctx());
    expect(plan.rows[0].occurrences.map((o) => o.local)).toEqual([
      '2026-05-06T10:00',
      '2026-05-13T10:00',
      '2026-05-20T10:00',
    ]);
    // Evergreen: the next free slot, then the first free slot at or after 40 days on (13 June and 25 July are
    // Saturdays: the Monday after), until the 90-day horizon (2 August).
    expect(plan.rows[1].occurrences.map((o) => o.local)).toEqual([
      '2026-05-04T09:00',
      '2026-06-15T09:00',
      '2026-07-27T09:00',
    ]);
    expect(plan.postCount).toBe(6);
  });

  it('flags the row that takes an account over its daily cap, counting posts already scheduled', async () => {
    const plan = await planImport(
      csv('a,@brand,2026-05-06T10:00,,,,', 'b,@brand,2026-05-06T11:00,,,,', 'c,@other,2026-05-06T11:00,,,,'),
      ctx({
        caps: [{ action: 'publish', scope: 'account', max_per_day: 2 }],
        scheduledPerDay: async () => [{ accountId: A, day: '2026-05-06', count: 1 }],
      }),
    );
    expect(codes(plan, 2)).toEqual([]);
    expect(codes(plan, 3)).toEqual(['cap_exceeded']);
    expect(codes(plan, 4)).toEqual([]);
    expect(plan.rows[1].errors[0].message).toMatch(/3 posts on 2026-05-06; the daily cap is 2/);
  });

  it('binds the digest to the CSV and to what it resolved to', async () => {
    const text = csv('a,@brand,next,,,,');
    const first = await planImport(text, ctx());
    expect((await planImport(text, ctx())).digest).toBe(first.digest);
    expect((await planImport(text + '\n', ctx())).digest).not.toBe(first.digest);
    const slotGone = await planImport(text, ctx({}, [new Date('2026-05-04T07:00:00Z')]));
    expect(slotGone.digest).not.toBe(first.digest);
  });

  it('refuses an unreadable file as a whole', async () => {
    await expect(planImport('text,when\nx,y', ctx())).rejects.toThrow(CsvError);
    await expect(planImport('text,accounts\nx,y', ctx())).rejects.toThrow(/missing column\(s\): date/);
    await expect(planImport('text,accounts,date', ctx())).rejects.toThrow(/no rows/);
  });
});
