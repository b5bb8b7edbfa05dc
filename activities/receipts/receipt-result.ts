import type { PlatformPost } from '../../services/core/connectors/connector.types';
import type { ReceiptStatus } from '../../workflows/contracts/vocabulary/receipt-status';
import { showsOurPost } from '../guard/effects/publish.effect';
import type { SentPost } from '../publish/published-post.read';

/**
 * What a later read-back says about a post's receipt, judged as its verification was (showsOurPost): gone, by another
 * author, or with other text. The author is judged before the text: a post that moved to another account is that
 * account's, whatever it says.
 */
export function receiptResultOf(readBack: PlatformPost | null, sent: SentPost): ReceiptStatus {
  if (!readBack) return 'removed';
  if (readBack.authorExternalId !== sent.externalAccountId) return 'author_changed';
  return showsOurPost(readBack, sent) ? 'intact' : 'edited';
}

/** The words recorded with a finding, for the operator reading the post's checks (never the post's text). */
export const RECEIPT_DETAILS: Record<ReceiptStatus, string> = {
  intact: 'still live, unchanged, by the connected account',
  removed: 'the platform no longer shows the post',
  edited: 'the post’s text is no longer the text that was approved and published',
  author_changed: 'the platform shows the post under another account than the connected one',
};
