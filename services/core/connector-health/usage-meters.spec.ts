import type { QuotaMeter } from '../connectors/connector.types';
import { quotaWindow } from './usage-meters';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const meter = (resetsAt?: string): QuotaMeter => ({
  id: 'youtube.units_today',
  label: 'Units today',
  used: 10,
  limit: 10_000,
  unit: 'quota_units',
  resetsAt,
});

describe('quotaWindow', () => {
  it('is the day before the reported reset', () => {
    expect(quotaWindow(meter('2026-11-23T08:00:00.000Z'), NOW)).toEqual({
      since: new Date('2026-11-22T08:00:00.000Z'),
      resetsAt: new Date('2026-11-23T08:00:00.000Z'),
    });
  });

  it('rolls a reset that has passed forward by whole days', () => {
    expect(quotaWindow(meter('2026-11-20T08:00:00.000Z'), NOW)).toEqual({
      since: new Date('2026-11-22T08:00:00.000Z'),
      resetsAt: new Date('2026-11-23T08:00:00.000Z'),
    });
  });

  it('is the last 24 hours without a reported reset', () => {
    expect(quotaWindow(meter(), NOW)).toEqual({ since: new Date('2026-11-21T12:00:00.000Z'), resetsAt: null });
    expect(quotaWindow(undefined, NOW).resetsAt).toBeNull();
  });
});
