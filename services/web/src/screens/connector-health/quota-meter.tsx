import { formatDateTime } from '../../time/zoned-time';

export interface MeterRow {
  id: string;
  label: string;
  used: number;
  limit?: number | null;
  unit: string;
  resetsAt?: string | null;
}

const amount = (n: number, unit: string) =>
  unit === 'usd'
    ? new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 3 }).format(n)
    : `${new Intl.NumberFormat('en-GB').format(n)} ${unit === 'quota_units' ? 'units' : unit}`;

/** One meter as a bar (the native <meter>, so assistive technology reads it as one) with its figures in words. */
export function QuotaMeterBar({ meter, timezone }: { meter: MeterRow; timezone: string }) {
  const { limit } = meter;
  return (
    <div className="quota-meter" data-meter={meter.id}>
      <span className="block">{meter.label}</span>
      {limit != null && limit > 0 && (
        <meter min={0} max={limit} low={limit * 0.8} high={limit * 0.95} optimum={0} value={meter.used}>
          {meter.used} of {limit}
        </meter>
      )}{' '}
      <span className="hint" data-testid="meter-figures">
        {amount(meter.used, meter.unit)}
        {limit != null ? ` of ${amount(limit, meter.unit)}` : ' (no limit set)'}
        {meter.resetsAt ? `, resets ${formatDateTime(meter.resetsAt, timezone)}` : ''}
      </span>
    </div>
  );
}
