import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedCalendarTenant, seedScheduledPosts, type CalendarTenant } from '../../../bench/calendar/seed-calendar';
import { setPolicy } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { codesAt, createSlot, dryRun } from './import-gql';
import { importEnv, startMediaServer, type MediaServer } from './media-server';

/**
 * The dry run of a CSV import (real API, Postgres, guarded fetcher): every error of every row, listed against
 * that row, and nothing written.
 */
describe('CSV import dry run', () => {
  let stack: TestStack;
  let media: MediaServer;
  beforeAll(async () => {
    media = await startMediaServer();
    stack = await startTestStack({ env: importEnv(mkdtempSync(join(tmpdir(), 'raize-import-'))) });
  });
  afterAll(async () => {
    await stack?.close();
    await media?.close();
  });

  const counts = async (t: CalendarTenant) =>
    (
      await stack.ds.query<{ jobs: number; assets: number; batches: number; audit: number }[]>(
        `SELECT (SELECT count(*)::int FROM publish_jobs WHERE client_id = $1) AS jobs,
                (SELECT count(*)::int FROM assets WHERE client_id = $1) AS assets,
                (SELECT count(*)::int FROM import_batches WHERE client_id = $1) AS batches,
                (SELECT count(*)::int FROM audit_events WHERE client_id = $1 AND action LIKE 'import.%') AS audit`,
        [t.clientId],
      )
    )[0];

  it('[C-54] lists every validation error against its own row and creates nothing', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'Europe/Berlin', accounts: 3 });
    const other = await seedCalendarTenant(stack.ds, { timezone: 'Europe/Berlin' });
    const [brand, noSlots, gone] = t.accountIds;
    const handle = async (id: string) =>
      (await stack.ds.query<{ handle: string }[]>('SELECT handle FROM platform_accounts WHERE id = $1', [id]))[0]
        .handle;
    await stack.ds.query(`UPDATE platform_accounts SET status = 'disconnected' WHERE id = $1`, [gone]);
    for (const weekday of [0, 1, 2, 3, 4, 5, 6])
      expect(
        (await createSlot(stack, t.userId, { clientId: t.clientId, platformAccountId: brand, weekday, time: '09:00' }))
          .data,
      ).toBeDefined();
    // One post a day per account; the 10th of next year's June already has one.
    await setPolicy(stack.ds, t.clientId, { caps: [{ action: 'publish', scope: 'account', max_per_day: 1 }] });
    const year = new Date().getUTCFullYear() + 1;
    await seedScheduledPosts(
      stack.ds,
      { ...t, accountIds: [brand] },
      { start: new Date(`${year}-06-10T08:00:00Z`), count: 1, spacingMs: 0 },
    );
    const before = await counts(t);

    const b = await handle(brand);
    const d = (day: number, h = 10) => `${year}-06-${String(day).padStart(2, '0')}T${h}:00`;
    const csv = [
      'text,accounts,date,media_urls,recurrence,evergreen,evergreen_interval_days',
      `fine,@${b},${d(1)},${media.url}/image.png,,,`, // 2
      `,@${b},${d(2)},,,,`, // 3 empty text
      `"${'x'.repeat(5001)}",@${b},${d(3)},,,,`, // 4 over sandbox's 5000
      `unknown,@nobody_here ${other.accountIds[0]},${d(4)},,,,`, // 5 unknown handle + another tenant's id
      `disconnected,sandbox:${await handle(gone)},${d(5)},,,,`, // 6
      `bad date,@${b},${year}-02-30T10:00,,,,`, // 7
      `past,@${b},2020-01-01T10:00,,,,`, // 8
      `no slots,@${await handle(noSlots)},next,,,,`, // 9
      `bad recurrence,@${b},${d(11)},,monthly:2,,`, // 10
      `bad evergreen,@${b},${d(12)},,,true,0`, // 11
      `two media,@${b},${d(13)},${media.url}/image.png|${media.url}/image.png,,,`, // 12
      `metadata,@${b},${d(14)},http://169.254.169.254/latest/meta-data/,,,`, // 13
      `missing media,@${b},${d(15)},${media.url}/missing.png,,,`, // 14
      `document,@${b},${d(16)},${media.url}/terms.pdf,,,`, // 15 not an image or video
      `over the cap,@${b},${d(10, 12)},,,,`, // 16 the 10th already has a post
      `fine,@${b},${d(1)},${media.url}/image.png,,,`, // 17 same as line 2
      `short row,@${b}`, // 18
    ].join('\n');
    const res = await dryRun(stack, t.userId, t.clientId, csv);
    expect(res.errors).toBeUndefined();
    const plan = res.data!.importPostsDryRun;
    expect(plan.valid).toBe(false);
    expect(codesAt(plan, 2)).toEqual([]);
    expect(codesAt(plan, 3)).toEqual(['empty_text']);
    expect(codesAt(plan, 4)).toEqual(['text_too_long']);
    expect(codesAt(plan, 5)).toEqual(['unknown_account', 'unknown_account']);
    expect(codesAt(plan, 6)).toEqual(['account_not_connected']);
    expect(codesAt(plan, 7)).toEqual(['bad_date']);
    expect(codesAt(plan, 8)).toEqual(['past_date']);
    expect(codesAt(plan, 9)).toEqual(['no_queue_slots']);
    expect(codesAt(plan, 10)).toEqual(['bad_recurrence']);
    expect(codesAt(plan, 11)).toEqual(['bad_evergreen']);
    expect(codesAt(plan, 12)).toEqual(['too_many_media']);
    expect(codesAt(plan, 13)).toEqual(['media_refused']);
    expect(codesAt(plan, 14)).toEqual(['media_refused']);
    expect(codesAt(plan, 15)).toEqual(['media_not_supported']);
    expect(codesAt(plan, 16)).toEqual(['cap_exceeded']);
    expect(codesAt(plan, 17)).toEqual(['duplicate_row']);
    expect(codesAt(plan, 18)).toEqual(expect.arrayContaining(['wrong_field_count']));
    // The row that is fine shows what it would schedule.
    expect(plan.occurrences.filter((o) => o.line === 2)).toEqual([
      { line: 2, platformAccountId: brand, scheduledAt: expect.any(String) as string, local: d(1) },
    ]);
    expect(await counts(t)).toEqual(before);
  });

  it('[C-35] refuses media at private and metadata addresses and never names the URL in the error', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const handle = (
      await stack.ds.query<{ handle: string }[]>('SELECT handle FROM platform_accounts WHERE id = $1', [
        t.accountIds[0],
      ])
    )[0].handle;
    const year = new Date().getUTCFullYear() + 1;
    const urls = [
      'http://169.254.169.254/latest/meta-data/iam?token=SECRET123',
      'http://10.0.0.7/a.png?sig=SECRET123',
      'http://[::ffff:10.0.0.7]/a.png',
      'http://user:SECRET123@example.com/a.png',
      'ftp://example.com/a.png',
    ];
    const csv = [
      'text,accounts,date,media_urls',
      ...urls.map((u, i) => `post ${i},@${handle},${year}-01-0${i + 1}T10:00,${u}`),
    ].join('\n');
    const before = media.requests.length;
    const plan = (await dryRun(stack, t.userId, t.clientId, csv)).data!.importPostsDryRun;
    for (const row of plan.rows) expect(codesAt(plan, row.line)).toEqual(['media_refused']);
    expect(JSON.stringify(plan.errors)).not.toMatch(/SECRET123|169\.254|10\.0\.0\.7/);
    expect(plan.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/private_address/),
      expect.stringMatching(/private_address/),
      expect.stringMatching(/private_address/),
      expect.stringMatching(/credentials_in_url/),
      expect.stringMatching(/scheme/),
    ]);
    expect(media.requests.length).toBe(before);
  });

  it('[C-02] answers another tenant’s client like a missing one, and an Analyst may not import', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const other = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const csv = 'text,accounts,date\nhello,sandbox,next';
    const foreign = await dryRun(stack, t.userId, other.clientId, csv);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const missing = await dryRun(stack, t.userId, '00000000-0000-4000-8000-000000000000', csv);
    expect(missing.errors?.[0].message).toBe(foreign.errors?.[0].message);
  });

  it('[C-54] refuses an unreadable or oversized CSV with a clear message', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const cases: [string, RegExp][] = [
      ['text,accounts,date\n"unclosed,sandbox,next', /line 2: a quoted field is never closed/],
      ['text,platform,when\nx,y,z', /unknown column "platform"/],
      ['text,accounts,date\n' + 'x,sandbox,next\n'.repeat(501), /more than 500 rows/],
    ];
    for (const [csv, message] of cases) {
      const res = await dryRun(stack, t.userId, t.clientId, csv);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(message);
      expect(JSON.stringify(res.errors)).not.toMatch(/\bat \w+ \(|stacktrace/i);
    }
  });
});
