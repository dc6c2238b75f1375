import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { todayShanghai } from '../../common/format.ts';

/** Whole days from today (Asia/Shanghai) to a YYYY-MM-DD date. */
export function daysUntil(date: string): number {
  const a = Date.parse(`${todayShanghai()}T00:00:00Z`);
  const b = Date.parse(`${date}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** Days-left tag: red when ≤ 7 (or expired), orange within 30, plain otherwise. */
export function DaysLeft({ days }: { days: number }) {
  const { t } = useI18n();
  if (days < 0) return <Tag color="red">{t('cert.expired')}</Tag>;
  const color = days <= 7 ? 'red' : days <= 30 ? 'orange' : 'default';
  return (
    <Tag color={color} data-testid="days-left">
      {t('cert.days', { n: days })}
    </Tag>
  );
}
