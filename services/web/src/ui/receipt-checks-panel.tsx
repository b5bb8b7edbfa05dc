import type { PostReceiptQuery, ReceiptCheckResult, ReceiptStatus } from '../gql/graphql';
import { formatDateTime } from '../time/zoned-time';

type Receipt = PostReceiptQuery['post'];

// Keyed by the API's enums (codegen): a result added there fails to compile here until it has words.
const RESULT: Record<ReceiptCheckResult, { label: string; tone: string }> = {
  intact: { label: 'Live and unchanged', tone: 'success' },
  removed: { label: 'Removed from the platform', tone: 'danger' },
  edited: { label: 'Text edited on the platform', tone: 'danger' },
  author_changed: { label: 'Under another account', tone: 'danger' },
  unchecked: { label: 'Could not be checked', tone: 'muted' },
};

const RECEIPT: Record<ReceiptStatus, string> = {
  intact: 'The post is still live, unchanged, by the connected account.',
  removed: 'The post was removed from the platform after publishing.',
  edited: 'The post’s text was changed on the platform after publishing.',
  author_changed: 'The post now shows under another account than the connected one.',
};

/** Which check of the schedule it was, in words (receipts.contract.ts: +1 h, +1 d, then weekly). */
function whichCheck(n: number): string {
  if (n === 1) return 'an hour after';
  if (n === 2) return 'a day after';
  return `week ${n - 2}`;
}

/**
 * The post's receipt checks (issue #15): Raize reads a published post back an hour and a day after it was verified,
 * then weekly for a month; each line says when and what it found.
 */
export function ReceiptChecksPanel({ receipt, tz }: { receipt: Receipt; tz: string }) {
  return (
    <section className="panel wide" aria-labelledby="post-receipt" data-testid="receipt-checks">
      <h2 id="post-receipt">Receipt checks</h2>
      {receipt.receipt ? (
        <p data-receipt={receipt.receipt}>
          {RECEIPT[receipt.receipt]}
          {receipt.receiptChangedAt && receipt.receipt !== 'intact' && (
            <span className="hint"> Found {formatDateTime(receipt.receiptChangedAt, tz)}.</span>
          )}
        </p>
      ) : null}
      {receipt.receiptChecks.length === 0 ? (
        <p className="hint">
          Not re-checked yet: the post is read back from the platform an hour and a day after it was verified, then
          weekly for a month.
        </p>
      ) : (
        <ol className="timeline">
          {receipt.receiptChecks.map((c) => (
            <li key={c.checkNo} data-result={c.result}>
              <time dateTime={c.checkedAt}>{formatDateTime(c.checkedAt, tz)}</time>{' '}
              <span className={`badge badge-${RESULT[c.result].tone}`}>{RESULT[c.result].label}</span>{' '}
              <span className="hint">
                ({whichCheck(c.checkNo)}){c.detail && c.result !== 'intact' ? ` · ${c.detail}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
