import type { Dayjs } from 'dayjs';

const SHANGHAI = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, whatever the browser's zone. */
export function formatShanghai(iso: string | null | undefined, withSeconds = true): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p: Record<string, string> = {};
  for (const { type, value } of parts.formatToParts(d)) p[type] = value;
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/**
 * The date-time picker shows wall-clock time; we interpret it as Beijing time
 * (China has used a fixed +08:00 offset since 1991), independent of the browser's zone.
 */
export function pickerToShanghaiIso(value: Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}

/** Today's date (YYYY-MM-DD) in Asia/Shanghai. */
export function todayShanghai(): string {
  return formatShanghai(new Date().toISOString()).slice(0, 10);
}
