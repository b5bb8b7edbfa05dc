import type { PlatformPost } from '../../services/core/connectors/connector.types';
import { receiptResultOf } from './receipt-result';

const sent = { text: 'Spring is here', externalAccountId: 'acct-1' };
const post = (over: Partial<PlatformPost> = {}): PlatformPost => ({
  postId: 'p-1',
  url: 'https://platform.test/p-1',
  text: 'Spring is here',
  authorExternalId: 'acct-1',
  createdAt: '2026-01-01T00:00:00Z',
  requestKey: null,
  raw: {},
  ...over,
});

describe('receiptResultOf', () => {
  it('a post still showing our text by our account is intact (whitespace as platforms trim it)', () => {
    expect(receiptResultOf(post(), sent)).toBe('intact');
    expect(receiptResultOf(post({ text: '  Spring   is here ' }), sent)).toBe('intact');
  });

  it('a post the platform no longer shows is removed', () => {
    expect(receiptResultOf(null, sent)).toBe('removed');
  });

  it('other text is edited; another author is author_changed, whatever the text says', () => {
    expect(receiptResultOf(post({ text: 'Spring is here! Buy now' }), sent)).toBe('edited');
    expect(receiptResultOf(post({ authorExternalId: 'acct-2' }), sent)).toBe('author_changed');
    expect(receiptResultOf(post({ authorExternalId: 'acct-2', text: 'other' }), sent)).toBe('author_changed');
  });
});
