import type { CalendarDay, DayName } from '../../api/types.ts';
import type { Lang } from '../../api/client.ts';
import type { MessageKey, Translate } from '../../i18n/index.tsx';

export function dayName(name: DayName | null | undefined, lang: Lang): string {
  if (!name) return '';
  return typeof name === 'string' ? name : name[lang];
}

const REASONS = ['weekday', 'weekend', 'holiday', 'makeup_workday', 'override_rest', 'override_work'];

/** The day's name, or else its reason in words. */
export function dayLabel(day: CalendarDay, lang: Lang, t: Translate): string {
  const n = dayName(day.name, lang);
  if (n) return n;
  return REASONS.includes(day.reason) ? t(`cal.reason.${day.reason}` as MessageKey) : day.reason;
}

export type DayMark = 'rest' | 'work' | 'weekend' | 'normal';

/** 0 = Monday … 6 = Sunday, for a YYYY-MM-DD date (zone-independent). */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const dow = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return (dow + 6) % 7;
}

/**
 * 休: a day off that would normally be worked (or a named holiday on a weekend);
 * 班: a make-up working day on a weekend. Derived from `working` and the weekday,
 * so it does not depend on the server's `reason` vocabulary.
 */
export function classify(day: CalendarDay): DayMark {
  const weekend = isoWeekday(day.date) >= 5;
  if (day.working) return weekend ? 'work' : 'normal';
  if (!weekend || day.name) return 'rest';
  return 'weekend';
}

export interface NamedRange {
  from: string;
  to: string;
  name: string;
  mark: 'rest' | 'work';
}

/** Consecutive 休/班 days with the same name, for the list under each month. */
export function namedRanges(days: CalendarDay[], lang: Lang, t: Translate): NamedRange[] {
  const out: NamedRange[] = [];
  for (const d of days) {
    const mark = classify(d);
    if (mark !== 'rest' && mark !== 'work') continue;
    const name = dayLabel(d, lang, t);
    const last = out[out.length - 1];
    const prevDate = last ? new Date(`${last.to}T00:00:00Z`).getTime() + 86_400_000 : NaN;
    if (
      last &&
      last.name === name &&
      last.mark === mark &&
      prevDate === new Date(`${d.date}T00:00:00Z`).getTime()
    ) {
      last.to = d.date;
    } else out.push({ from: d.date, to: d.date, name, mark });
  }
  return out;
}
