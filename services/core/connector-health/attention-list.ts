import { severityRank } from './attention';
import type { AccountHealthView, AttentionItem } from './connector-health.types';

/** One thing that needs attention on one account, as the agency-wide list shows it. */
export interface AttentionEntry extends AttentionItem {
  accountId: string;
  clientId: string;
  platform: string;
  platformName: string;
  handle: string;
  accountStatus: AccountHealthView['status'];
}

export interface AttentionPage {
  entries: AttentionEntry[];
  /** pass as `after` for the next page; null on the last one */
  endCursor: string | null;
}

// The list is sorted by (severity, account, position of the item on the account): a cursor names the last entry's
// place in that order, so an entry that appears or goes away between two pages shifts nothing after it.
interface Place {
  rank: number;
  accountId: string;
  position: number;
}

const CURSOR_SHAPE = /^([0-9]):([0-9a-f-]{36}):([0-9]{1,3})$/;

export function encodeCursor(p: Place): string {
  return Buffer.from(`${p.rank}:${p.accountId}:${p.position}`).toString('base64url');
}

/** The place a cursor names; null when it is not one of ours (the caller answers "bad input"). */
export function decodeCursor(cursor: string): Place | null {
  const m = CURSOR_SHAPE.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? { rank: Number(m[1]), accountId: m[2]!, position: Number(m[3]) } : null;
}

const compare = (a: Place, b: Place) =>
  a.rank - b.rank || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0) || a.position - b.position;

/**
 * Everything that needs doing across these accounts, most severe first. Items that only inform ("the platform asked
 * Raize to slow down", with nothing to do) stay on the account's card and are left out here.
 */
export function attentionPage(views: AccountHealthView[], first: number, after: Place | null): AttentionPage {
  const placed = views
    .flatMap((v) =>
      v.attention.map((item, position) => ({
        place: { rank: severityRank(item.severity), accountId: v.accountId, position },
        entry: {
          ...item,
          accountId: v.accountId,
          clientId: v.clientId,
          platform: v.platform,
          platformName: v.platformName,
          handle: v.handle,
          accountStatus: v.status,
        },
      })),
    )
    .filter((p) => p.entry.severity !== 'info' && (!after || compare(p.place, after) > 0))
    .sort((a, b) => compare(a.place, b.place));
  const page = placed.slice(0, first);
  const last = page[page.length - 1];
  return {
    entries: page.map((p) => p.entry),
    endCursor: placed.length > first && last ? encodeCursor(last.place) : null,
  };
}
