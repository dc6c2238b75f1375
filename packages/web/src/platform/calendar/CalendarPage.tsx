import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Card, Col, Row, Select, Skeleton, Space, Typography } from 'antd';
import { http, ok } from '../../api/client.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { isRegulator } from '../auth/permissions.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { todayShanghai } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ImportNotice } from './ImportNotice.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { Overrides } from './Overrides.tsx';
import { TryLimit } from './TryLimit.tsx';

function Legend() {
  const { t } = useI18n();
  const item = (bg: string, label: string) => (
    <span>
      <span className="swatch" style={{ background: bg }} />
      {label}
    </span>
  );
  return (
    <Space wrap size={16} className="cal-legend">
      {item('#e8f5e9', `${t('cal.rest')} · ${t('cal.legendRest')}`)}
      {item('#fff1f0', `${t('cal.work')} · ${t('cal.legendWork')}`)}
      {item('#fafafa', t('cal.legendWeekend'))}
    </Space>
  );
}

export function CalendarPage() {
  const { t } = useI18n();
  const user = useUser();
  const today = todayShanghai();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [imports, setImports] = useState(0);
  const queries = useQueryClient();
  const cal = useQuery({
    queryKey: keys.calendarYear(year),
    queryFn: () => ok(http.GET('/api/calendar', { params: { query: { year } } })),
  });
  // An import or an override changes every year's days.
  const reload = () => void queries.invalidateQueries({ queryKey: keys.calendar });
  const known = cal.data?.knownYears;
  // The notice years, and the next one or two reckoned provisionally from the holiday law.
  const last = Math.max(known?.to ?? year, Number(today.slice(0, 4)) + 1);
  const first = known?.from ?? year;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  if (!years.includes(year)) years.push(year);

  return (
    <div data-testid="page-calendar">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.calendar')}</Typography.Title>
        <Space wrap>
          <Legend />
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.sort().map((y) => ({ value: y, label: String(y) }))}
            aria-label={t('cal.year')}
            data-testid="calendar-year"
          />
        </Space>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <TryLimit />
        {cal.data?.provisional ? (
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-provisional"
            message={t('cal.provisionalYear', { year: cal.data.year })}
          />
        ) : null}
        <ErrorAlert error={cal.error} onRetry={() => void cal.refetch()} />
        {cal.isFetching && !cal.data ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : null}
        {cal.data && !cal.error ? (
          <Row gutter={[12, 12]} data-testid="calendar-year-view">
            {Array.from({ length: 12 }, (_, m) => {
              const prefix = `${cal.data?.year}-${String(m + 1).padStart(2, '0')}-`;
              const days = (cal.data?.days ?? []).filter((d) => d.date.startsWith(prefix));
              return (
                <Col key={m} xs={12} md={8} xl={6}>
                  <MonthGrid month={m + 1} days={days} today={today} />
                </Col>
              );
            })}
          </Row>
        ) : null}
        {isRegulator(user) ? (
          <ImportNotice
            onImported={() => {
              setImports((n) => n + 1);
              reload();
            }}
          />
        ) : null}
        {/* An import adds its days as overrides: the list is loaded again. */}
        {isRegulator(user) ? <Overrides key={imports} onChanged={reload} /> : null}
      </Space>
    </div>
  );
}
