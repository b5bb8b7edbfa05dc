import { addDays, type LocalDate, weekdayOf, zonedInstant } from './zoned-time';

/** The part of a queue slot that says when it is: weekday (0 = Sunday) and minute after local midnight. */
export interface SlotTime {
  weekday: number;
  minuteOfDay: number;
}

/**
 * Every instant the slots name over `days` local calendar days from `from`, ascending and without repeats (a slot
 * in a spring-forward gap moves past it and may meet the next slot's instant).
 */
export function slotInstants(slots: readonly SlotTime[], from: LocalDate, days: number, timeZone: string): Date[] {
  const byWeekday = new Map<number, number[]>();
  for (const s of slots) byWeekday.set(s.weekday, [...(byWeekday.get(s.weekday) ?? []), s.minuteOfDay]);
  const seen = new Set<number>();
  const out: Date[] = [];
  for (let i = 0; i < days; i++) {
    const d = addDays(from, i);
    for (const minute of (byWeekday.get(weekdayOf(d)) ?? []).sort((a, b) => a - b)) {
      const at = zonedInstant({ ...d, hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone);
      if (seen.has(at.getTime())) continue;
      seen.add(at.getTime());
      out.push(at);
    }
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}

/** `09:30` → 570; null for anything that is not a 24-hour HH:MM. */
export function parseMinuteOfDay(s: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatMinuteOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
