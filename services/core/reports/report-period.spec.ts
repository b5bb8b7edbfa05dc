import { checkedPeriod, daysOf, periodLabel, previousMonth, windowOf } from './report-period';
import { ReportInputError } from './report.errors';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('report periods', () => {
  it('defaults to the previous whole month in the client’s timezone', () => {
    expect(checkedPeriod({}, NOW, 'Europe/Berlin')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    // Just after midnight of 1 March in Auckland it is still February in UTC: the client's calendar decides.
    expect(previousMonth(new Date('2026-02-28T12:30:00Z'), 'Pacific/Auckland')).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(previousMonth(new Date('2026-01-15T00:00:00Z'), 'UTC')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
  });

  it('takes any range up to a year, and refuses the rest with a reason', () => {
    expect(checkedPeriod({ from: '2025-03-10', to: '2026-03-09' }, NOW, 'UTC')).toEqual({
      start: '2025-03-10',
      end: '2026-03-09',
    });
    const refused = (q: { from?: string; to?: string }) => () => checkedPeriod(q, NOW, 'UTC');
    expect(refused({ from: '2025-03-10', to: '2026-03-10' })).toThrow('at most a year');
    expect(refused({ from: '2026-02-10', to: '2026-02-01' })).toThrow('not be before');
    expect(refused({ from: '2026-02-30', to: '2026-03-01' })).toThrow(ReportInputError);
    expect(refused({ from: '2026-02-01' })).toThrow('both');
    expect(refused({ from: '2026-04-01', to: '2026-04-30' })).toThrow('future');
  });

  it('turns local dates into the instants of local midnights (a DST month is 743 hours long)', () => {
    const w = windowOf({ start: '2026-03-01', end: '2026-03-31' }, 'Europe/Berlin');
    expect(w.startAt.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(w.endAt.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect((w.endAt.getTime() - w.startAt.getTime()) / 3_600_000).toBe(743);
  });

  it('names a whole month by its name and any other range by its days', () => {
    expect(periodLabel({ start: '2026-02-01', end: '2026-02-28' })).toBe('February 2026');
    expect(periodLabel({ start: '2026-02-03', end: '2026-03-09' })).toBe('3 February 2026 – 9 March 2026');
    expect(daysOf({ start: '2026-02-27', end: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});
