import { Card, Tooltip, Typography } from 'antd';
import type { CalendarDay } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { classify, dayLabel, isoWeekday, namedRanges } from './classify.ts';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const md = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

export function MonthGrid({ month, days, today }: { month: number; days: CalendarDay[]; today: string }) {
  const { t, lang } = useI18n();
  const first = days[0];
  const lead = first ? isoWeekday(first.date) : 0;
  const ranges = namedRanges(days, lang, t);

  return (
    <Card
      size="small"
      className="month-card"
      title={t('cal.month', { m: month, name: MONTHS_EN[month - 1] ?? '' })}
      styles={{ body: { padding: 8 } }}
      data-testid={`month-${month}`}
    >
      <div className="month-grid">
        {t('cal.weekdays')
          .split(',')
          .map((w) => (
            <div key={w} className="wd">
              {w}
            </div>
          ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`pad${i}`} />
        ))}
        {days.map((d) => {
          const mark = classify(d);
          const cls = ['day', mark, d.date === today ? 'today' : ''].join(' ');
          const label = mark === 'rest' ? t('cal.restMark') : mark === 'work' ? t('cal.workMark') : null;
          const cell = (
            <div key={d.date} className={cls} data-date={d.date} data-mark={mark}>
              {Number(d.date.slice(8, 10))}
              {label ? <span className="mark">{label}</span> : null}
            </div>
          );
          return d.name || label ? (
            <Tooltip key={d.date} title={`${d.date} ${dayLabel(d, lang, t)}`}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
      <div style={{ minHeight: 40, marginTop: 6 }}>
        {ranges.map((r) => (
          <Typography.Text
            key={`${r.from}${r.mark}`}
            style={{ display: 'block', fontSize: 12 }}
            type="secondary"
          >
            <span style={{ color: r.mark === 'rest' ? '#237804' : '#a8071a', fontWeight: 600 }}>
              {r.mark === 'rest' ? t('cal.rest') : t('cal.work')}
            </span>{' '}
            {md(r.from)}
            {r.to !== r.from ? `–${md(r.to)}` : ''} {r.name}
          </Typography.Text>
        ))}
      </div>
    </Card>
  );
}
