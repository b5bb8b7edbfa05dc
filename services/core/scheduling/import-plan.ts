import { createHash } from 'node:crypto';
import type { CapSetting } from '../database/entities';
import { canonicalJson } from '../util/canonical-json';
import { parseCsv, CsvError } from './csv';
import { readImportRows, splitList, type RawImportRow } from './import-columns';
import { IMPORT_LIMITS } from './import-limits';
import { rowError, type ImportRowError } from './import-row-errors';
import type { PlatformRules } from './platform-rules';
import { expandRecurrence, parseEvergreen, parseRecurrence, type Evergreen, type Recurrence } from './recurrence';
import { resolveAccounts, type ImportAccount } from './resolve-accounts';
import { addDays, formatLocalDateTime, parseLocalDateTime, wallClockOf, zonedInstant } from './zoned-time';

/** What a media URL check learnt: a refusal, or the type the server announced (when it said one). */
export type MediaCheck = { error: ImportRowError } | { contentType?: string };

/** Everything the planner reads about the client; the database-backed one is built by loadImportContext. */
export interface ImportPlanContext {
  clientId: string;
  timezone: string;
  now: Date;
  accounts: readonly ImportAccount[];
  /** accounts that have at least one queue slot */
  accountsWithSlots: ReadonlySet<string>;
  enabledPlatforms: readonly string[];
  caps: readonly CapSetting[];
  platformRules(platform: string): PlatformRules | null;
  checkMediaUrl(url: string): Promise<MediaCheck>;
  /** next free queue slots strictly after `after`, skipping posts already scheduled and `exclude` */
  freeSlots(q: { accountId: string; after: Date; count: number; exclude: ReadonlySet<number> }): Promise<Date[]>;
  /** posts already scheduled (holding their slot) per account and local day (YYYY-MM-DD) in [from, to) */
  scheduledPerDay(q: { from: Date; to: Date }): Promise<{ accountId: string; day: string; count: number }[]>;
}

export interface PlannedOccurrence {
  accountId: string;
  at: Date;
  /** the same time on the client's wall clock, `YYYY-MM-DDTHH:MM` */
  local: string;
}

export interface PlannedRow {
  line: number;
  text: string;
  mediaUrls: string[];
  accounts: ImportAccount[];
  /** `next` (next free slot) or the local date-time as written; null when unreadable */
  date: string | null;
  recurrence: Recurrence | null;
  evergreen: Evergreen | null;
  occurrences: PlannedOccurrence[];
  errors: ImportRowError[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** binds an import to this dry run: the CSV and everything it resolved to (accounts, instants) */
  digest: string;
  postCount: number;
  valid: boolean;
}

/** The sha256 of the CSV text, recorded with the batch. */
export function csvSha256(csv: string): string {
  return createHash('sha256').update(csv, 'utf8').digest('hex');
}

/**
 * The dry run: every row parsed, resolved to accounts and instants, and checked — text, accounts, dates, media,
 * queue slots, daily caps (counting posts already scheduled and the rows before it), duplicates. Every error of a
 * row is listed. Nothing is written; the import recomputes the same plan and refuses unless its digest matches.
 * A CSV that cannot be read as a whole (syntax, size, unknown columns) throws CsvError instead.
 */
export async function planImport(csv: string, ctx: ImportPlanContext): Promise<ImportPlan> {
  const raw = readImportRows(parseCsv(csv, IMPORT_LIMITS));
  const taken = new Map<string, Set<number>>();
  const seen = new Map<string, number>();
  const mediaChecks = await checkAllMedia(raw, ctx);
  const rows: PlannedRow[] = [];
  // In file order: a `next` row takes the first slot no earlier row took.
  for (const r of raw) rows.push(await planRow(r, ctx, taken, seen, mediaChecks));
  await checkCaps(rows, ctx);
  const postCount = rows.reduce((n, r) => n + r.occurrences.length, 0);
  if (postCount > IMPORT_LIMITS.maxPosts)
    throw new CsvError(`the import would create ${postCount} posts; at most ${IMPORT_LIMITS.maxPosts} per import`);
  return {
    rows,
    postCount,
    valid: rows.every((r) => !r.errors.length),
    digest: planDigest(csv, ctx.clientId, rows),
  };
}

function planDigest(csv: string, clientId: string, rows: PlannedRow[]): string {
  const shape = rows.map((r) => ({
    line: r.line,
    accounts: r.accounts.map((a) => a.id),
    at: r.occurrences.map((o) => [o.accountId, o.at.toISOString()]),
    errors: r.errors.map((e) => e.code),
  }));
  return createHash('sha256')
    .update(canonicalJson({ v: 1, clientId, csv: csvSha256(csv), rows: shape }))
    .digest('hex');
}

async function checkAllMedia(raw: RawImportRow[], ctx: ImportPlanContext): Promise<Map<string, MediaCheck>> {
  const urls = [...new Set(raw.flatMap((r) => splitList(r.values.media_urls)))];
  const out = new Map<string, MediaCheck>();
  // A few at a time: a file of slow hosts must not hold one request open for minutes, nor open hundreds of sockets.
  const queue = [...urls];
  await Promise.all(
    Array.from({ length: Math.min(4, queue.length) }, async () => {
      for (let u = queue.shift(); u !== undefined; u = queue.shift()) out.set(u, await ctx.checkMediaUrl(u));
    }),
  );
  return out;
}

async function planRow(
  r: RawImportRow,
  ctx: ImportPlanContext,
  taken: Map<string, Set<number>>,
  seen: Map<string, number>,
  media: Map<string, MediaCheck>,
): Promise<PlannedRow> {
  const v = r.values;
  const errors: ImportRowError[] = [];
  if (!r.fieldCountOk)
    errors.push(rowError('wrong_field_count', 'the row has a different number of fields than the header'));
  const text = v.text.trim();
  const { accounts, errors: accountErrors } = resolveAccounts(
    v.accounts,
    ctx.accounts,
    (platform) => !ctx.platformRules(platform)?.disallowedByDefault || ctx.enabledPlatforms.includes(platform),
  );
  errors.push(...accountErrors);
  if (!text) errors.push(rowError('empty_text', 'the text is empty', 'text'));
  const mediaUrls = splitList(v.media_urls);
  for (const platform of new Set(accounts.map((a) => a.platform))) {
    const rules = ctx.platformRules(platform);
    const length = rules ? rules.textLength(text) : [...text].length;
    if (rules && length > rules.maxChars)
      errors.push(
        rowError('text_too_long', `the text is ${length} characters; ${platform} allows ${rules.maxChars}`, 'text'),
      );
    if (rules?.requiresMedia && mediaUrls.length === 0)
      errors.push(rowError('media_required', `${platform} posts need an image or a video`, 'media_urls'));
  }

  if (mediaUrls.length > IMPORT_LIMITS.maxMediaPerRow)
    errors.push(
      rowError('too_many_media', `at most ${IMPORT_LIMITS.maxMediaPerRow} media item per post`, 'media_urls'),
    );
  for (const url of mediaUrls) {
    const check = media.get(url);
    if (check && 'error' in check) errors.push(check.error);
    const type = check && 'contentType' in check ? check.contentType : undefined;
    const kind = type?.split('/')[0];
    // What the server announced; the import sniffs the bytes again before anything is stored (C-47).
    if (type && kind !== 'image' && kind !== 'video')
      errors.push(
        rowError(
          'media_not_supported',
          `the media URL serves ${type.slice(0, 60)}, not an image or video`,
          'media_urls',
        ),
      );
    for (const platform of new Set(accounts.map((a) => a.platform))) {
      const rules = ctx.platformRules(platform);
      if (
        rules &&
        ((kind === 'video' && !rules.video) || (kind === 'image' && !rules.image) || (!rules.image && !rules.video))
      )
        errors.push(
          rowError('media_not_supported', `${platform} does not take ${kind ?? 'media'} posts`, 'media_urls'),
        );
      else if (rules && type && (kind === 'image' || kind === 'video') && !rules.contentTypes.includes(type))
        errors.push(
          rowError(
            'media_not_supported',
            `${platform} takes ${rules.contentTypes.join(', ')}; this URL serves ${type.slice(0, 60)}`,
            'media_urls',
          ),
        );
    }
  }

  const recurrence = parseRecurrence(v.recurrence, IMPORT_LIMITS.maxRecurrence);
  const evergreen = parseEvergreen(v.evergreen, v.evergreen_interval_days, IMPORT_LIMITS.evergreenMaxIntervalDays);
  if (recurrence && 'error' in recurrence) errors.push(rowError('bad_recurrence', recurrence.error, 'recurrence'));
  if (evergreen && 'error' in evergreen) errors.push(rowError('bad_evergreen', evergreen.error, 'evergreen'));
  const rec = recurrence && !('error' in recurrence) ? recurrence : null;
  const ever = evergreen && !('error' in evergreen) ? evergreen : null;
  if (rec && ever)
    errors.push(rowError('bad_recurrence', 'a row is either recurring or evergreen, not both', 'recurrence'));

  const earliest = new Date(ctx.now.getTime() + IMPORT_LIMITS.minLeadSeconds * 1000);
  const dateRaw = v.date.trim();
  const next = dateRaw.toLowerCase() === 'next';
  const local = next ? null : parseLocalDateTime(dateRaw);
  let at: Date | null = null;
  if (!next && !local)
    errors.push(rowError('bad_date', 'the date must be YYYY-MM-DDTHH:MM in the client’s timezone, or next', 'date'));
  if (local) {
    at = zonedInstant(local, ctx.timezone);
    if (at.getTime() < earliest.getTime())
      errors.push(
        rowError('past_date', `the date is in the past or less than ${IMPORT_LIMITS.minLeadSeconds} s ahead`, 'date'),
      );
  }

  const occurrences: PlannedOccurrence[] = [];
  const needsSlots = next || !!ever;
  const canPlace = !errors.some(
    (e) => e.column === 'date' || e.code === 'bad_recurrence' || e.code === 'bad_evergreen',
  );
  for (const account of accounts) {
    if (!canPlace) break;
    if (needsSlots && !ctx.accountsWithSlots.has(account.id)) {
      errors.push(rowError('no_queue_slots', `${account.label} has no queue slots to take`, 'date'));
      continue;
    }
    const mine = taken.get(account.id) ?? new Set<number>();
    taken.set(account.id, mine);
    let first = at;
    if (next) {
      [first] = await ctx.freeSlots({ accountId: account.id, after: earliest, count: 1, exclude: mine });
      if (!first) {
        errors.push(rowError('no_free_slot', `${account.label} has no free queue slot within a year`, 'date'));
        continue;
      }
    }
    const instants = rec
      ? expandRecurrence(first!, rec, ctx.timezone)
      : ever
        ? await evergreenInstants(first!, ever, account.id, ctx, mine)
        : [first!];
    for (const i of instants) {
      mine.add(i.getTime());
      occurrences.push({ accountId: account.id, at: i, local: formatLocalDateTime(wallClockOf(i, ctx.timezone)) });
    }
  }

  const key = canonicalJson([
    text,
    mediaUrls,
    accounts.map((a) => a.id).sort(),
    dateRaw.toLowerCase(),
    v.recurrence.trim().toLowerCase(),
    v.evergreen.trim().toLowerCase(),
    v.evergreen_interval_days.trim(),
  ]);
  const firstLine = seen.get(key);
  if (firstLine !== undefined) errors.push(rowError('duplicate_row', `the same post as the row on line ${firstLine}`));
  else seen.set(key, r.line);

  return {
    line: r.line,
    text,
    mediaUrls,
    accounts,
    date: next ? 'next' : local ? formatLocalDateTime(local) : null,
    recurrence: rec,
    evergreen: ever,
    occurrences,
    errors,
  };
}

/**
 * Evergreen semantics: the first post at the row's date (or next free slot); then, again and again, the first free
 * queue slot at or after the previous post plus the interval (counted in local days, so the wall time holds across
 * DST), until the horizon (IMPORT_LIMITS.evergreenHorizonDays after the import) or the per-row maximum. A later
 * import or the planner extends them; nothing reschedules itself silently.
 */
async function evergreenInstants(
  first: Date,
  ever: Evergreen,
  accountId: string,
  ctx: ImportPlanContext,
  mine: Set<number>,
): Promise<Date[]> {
  const horizon = ctx.now.getTime() + IMPORT_LIMITS.evergreenHorizonDays * 86_400_000;
  const out = [first];
  const exclude = new Set([...mine, first.getTime()]);
  while (out.length < IMPORT_LIMITS.maxRecurrence) {
    const prev = wallClockOf(out[out.length - 1], ctx.timezone);
    const due = zonedInstant(
      { ...addDays(prev, ever.intervalDays), hour: prev.hour, minute: prev.minute },
      ctx.timezone,
    );
    if (due.getTime() > horizon) break;
    const [slot] = await ctx.freeSlots({ accountId, after: new Date(due.getTime() - 1), count: 1, exclude });
    if (!slot || slot.getTime() > horizon) break;
    out.push(slot);
    exclude.add(slot.getTime());
  }
  return out;
}

/**
 * Daily caps (client policy settings, action `publish`), per account and per client, on the client's local day:
 * posts already scheduled count first, then this import's in time order; the row whose post goes over the cap gets
 * the error. A global cap counts every tenant's side effects, which an import cannot see: the guard enforces it
 * when the post is due.
 */
async function checkCaps(rows: PlannedRow[], ctx: ImportPlanContext): Promise<void> {
  const caps = ctx.caps.filter((c) => c.action === 'publish' && (c.scope === 'account' || c.scope === 'client'));
  // A duplicate row will not be imported twice: it does not count against the cap a second time.
  const all = rows
    .filter((row) => !row.errors.some((e) => e.code === 'duplicate_row'))
    .flatMap((row) => row.occurrences.map((o) => ({ row, o })));
  if (!caps.length || !all.length) return;
  all.sort((a, b) => a.o.at.getTime() - b.o.at.getTime());
  const dayOf = (o: PlannedOccurrence) => o.local.slice(0, 10);
  const from = new Date(all[0].o.at.getTime() - 86_400_000);
  const to = new Date(all[all.length - 1].o.at.getTime() + 86_400_000);
  const existing = await ctx.scheduledPerDay({ from, to });
  const platformOf = new Map(ctx.accounts.map((a) => [a.id, a.platform]));
  for (const cap of caps) {
    const applies = (accountId: string) => !cap.platform || platformOf.get(accountId) === cap.platform;
    const bucket = (accountId: string, day: string) => (cap.scope === 'account' ? `${accountId}|${day}` : day);
    const used = new Map<string, number>();
    for (const e of existing)
      if (applies(e.accountId))
        used.set(bucket(e.accountId, e.day), (used.get(bucket(e.accountId, e.day)) ?? 0) + e.count);
    const flagged = new Set<PlannedRow>();
    for (const { row, o } of all) {
      if (!applies(o.accountId)) continue;
      const k = bucket(o.accountId, dayOf(o));
      const n = (used.get(k) ?? 0) + 1;
      used.set(k, n);
      if (n > cap.max_per_day && !flagged.has(row)) {
        flagged.add(row);
        const who =
          cap.scope === 'account'
            ? (ctx.accounts.find((a) => a.id === o.accountId)?.label ?? 'the account')
            : 'the client';
        row.errors.push(
          rowError(
            'cap_exceeded',
            `${who} would have ${n} posts on ${dayOf(o)}; the daily cap is ${cap.max_per_day}`,
            'date',
          ),
        );
      }
    }
  }
}
