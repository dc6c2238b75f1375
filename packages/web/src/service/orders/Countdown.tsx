import { Typography } from 'antd';
import { useNow } from '../../common/useNow.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';

export type Urgency = 'overdue' | 'soon' | 'ok' | 'none';

const HOUR = 3_600_000;

/** Overdue: red; due within 1 h: orange. */
export function urgencyOf(dueAt: string | null | undefined, now: number): Urgency {
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now;
  if (Number.isNaN(left)) return 'none';
  if (left < 0) return 'overdue';
  if (left <= HOUR) return 'soon';
  return 'ok';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2天 03:15:20" / "03:15:20"; overdue as "超时 01:20:05". */
export function formatLeft(ms: number, t: Translate): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / (24 * HOUR));
  const h = Math.floor((abs % (24 * HOUR)) / HOUR);
  const m = Math.floor((abs % HOUR) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}`;
  const text = days > 0 ? `${t('wo.days', { n: days })} ${clock}` : clock;
  return ms < 0 ? t('wo.overdueBy', { t: text }) : text;
}

export const URGENCY_COLOR: Record<Urgency, string | undefined> = {
  overdue: '#cf1322',
  soon: '#d46b08',
  ok: undefined,
  none: undefined,
};

/** Time left until `dueAt`, ticking every second. */
export function Countdown({ dueAt, strong }: { dueAt: string | null | undefined; strong?: boolean }) {
  const { t } = useI18n();
  const now = useNow();
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = new Date(dueAt).getTime() - now;
  const urgency = urgencyOf(dueAt, now);
  return (
    <span
      className="countdown nowrap"
      data-testid="countdown"
      data-urgency={urgency}
      style={{ color: URGENCY_COLOR[urgency], fontWeight: strong || urgency !== 'ok' ? 600 : undefined }}
    >
      {formatLeft(left, t)}
    </span>
  );
}
