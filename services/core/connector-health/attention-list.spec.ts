import { attentionPage, decodeCursor, encodeCursor } from './attention-list';
import type { AccountHealthView, AttentionItem } from './connector-health.types';

const item = (code: AttentionItem['code'], severity: AttentionItem['severity']): AttentionItem => ({
  code,
  signal: null,
  severity,
  headline: code,
  whatToDo: 'w',
});
const view = (accountId: string, attention: AttentionItem[]) =>
  ({
    accountId,
    clientId: 'c',
    platform: 'x',
    platformName: 'X',
    handle: '@h',
    status: 'connected',
    attention,
  }) as AccountHealthView;

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('attentionPage', () => {
  const views = [
    view(B, [item('token_revoked', 'critical'), item('private_only', 'warning'), item('rate_limited', 'info')]),
    view(A, [item('daily_limit', 'warning')]),
  ];

  it('lists what needs doing most severe first, leaves out what only informs, and pages by cursor', () => {
    const first = attentionPage(views, 2, null);
    expect(first.entries.map((e) => `${e.accountId.slice(-1)}:${e.code}`)).toEqual([
      'b:token_revoked',
      'a:daily_limit',
    ]);
    expect(first.endCursor).not.toBeNull();
    const next = attentionPage(views, 2, decodeCursor(first.endCursor!));
    expect(next.entries.map((e) => `${e.accountId.slice(-1)}:${e.code}`)).toEqual(['b:private_only']);
    expect(next.endCursor).toBeNull();
  });

  it('refuses a cursor it did not make', () => {
    expect(decodeCursor('garbage')).toBeNull();
    expect(decodeCursor(Buffer.from("1:'; DROP TABLE x:0").toString('base64url'))).toBeNull();
    expect(decodeCursor(encodeCursor({ rank: 1, accountId: A, position: 2 }))).toEqual({
      rank: 1,
      accountId: A,
      position: 2,
    });
  });
});
