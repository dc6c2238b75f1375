import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Drawer, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { pick } from '../../service/orders/labels.ts';
import { evaluation, evaluationKeys, type DrillRecord, type Indicator } from './api.ts';

export interface DrillTarget {
  indicator: Indicator;
  enterpriseId: string;
  enterpriseName: string;
  part: 'numerator' | 'denominator';
}

const GOOD = ['met', 'pass', 'satisfied', 'basically_satisfied', 'answered_in_time'];
const BAD = ['breached', 'fail', 'dissatisfied', 'answered_late', 'abandoned', 'hold'];

/**
 * A record's amount as the figure counts it: a wait in minutes (G-12.4.1.2), an outage's or the season's hours ×
 * area in m²·h (H-10.5.1, kept in m²·min); a rate's record shows its outcome.
 */
function amountText(r: DrillRecord, unit: Indicator['unit'], t: ReturnType<typeof useI18n>['t']): string {
  const m2h = (v: number) => t('ev.amount.m2h', { n: Math.round((v / 60) * 100) / 100 });
  if (unit === 'permille') {
    if (r.denAmount) return m2h(r.denAmount);
    if (r.amount != null) return `${t(`ev.outcome.${r.outcome}` as MessageKey)} · ${m2h(r.amount)}`;
  }
  if (r.amount != null) return `${Math.round((r.amount / 60) * 100) / 100} min`;
  return t(`ev.outcome.${r.outcome}` as MessageKey);
}

/** The records counted in a figure's numerator or denominator; each order number opens the order and its clocks. */
export function DrilldownDrawer({
  period,
  target,
  onClose,
}: {
  period: string;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [part, setPart] = useState<'numerator' | 'denominator'>(target?.part ?? 'denominator');
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<DrillTarget | null>(null);
  if (target !== shown) {
    setShown(target);
    setPart(target?.part ?? 'denominator');
    setPage(1);
  }
  const query = {
    period,
    indicator: target?.indicator.id ?? '',
    enterpriseId: target?.enterpriseId ?? '',
    part,
    page,
    pageSize: 20,
  };
  const data = useQuery({
    queryKey: evaluationKeys.drilldown(query),
    queryFn: () => evaluation.drilldown(query),
    enabled: target !== null,
    placeholderData: keepPreviousData,
  });
  const ind = target?.indicator;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      width={720}
      title={ind ? `${target!.enterpriseName} · ${pick(ind.name, lang)}` : ''}
      destroyOnClose
    >
      {ind && (
        <div data-testid="eval-drilldown">
          <Typography.Paragraph type="secondary">
            {ind.clauses.join('、')} · {t('ev.numerator')}：{pick(ind.numeratorDefinition, lang)}；
            {t('ev.denominator')}：{pick(ind.denominatorDefinition, lang)}
          </Typography.Paragraph>
          <Segmented
            value={part}
            onChange={(v) => {
              setPart(v as 'numerator' | 'denominator');
              setPage(1);
            }}
            options={[
              { value: 'numerator', label: t('ev.numerator') },
              { value: 'denominator', label: t('ev.denominator') },
            ]}
          />
          {data.error ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
          <Typography.Paragraph style={{ marginTop: 12 }}>
            <span data-testid="eval-drill-total">{data.data?.total ?? ''}</span> {t('ev.records')}
          </Typography.Paragraph>
          <Table<DrillRecord>
            size="small"
            rowKey="refId"
            loading={data.isFetching}
            dataSource={data.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: data.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t('ev.col.record'),
                key: 'ref',
                render: (_, r) =>
                  r.orderId ? (
                    <Link to={`/orders/${r.orderId}`} data-testid="eval-drill-link">
                      {r.refNo}
                    </Link>
                  ) : (
                    r.refNo
                  ),
              },
              {
                title: t('ev.col.item'),
                key: 'item',
                render: (_, r) =>
                  r.itemName
                    ? pick(r.itemName, lang)
                    : r.item === 'room_temperature'
                      ? t('ev.item.room_temperature')
                      : r.item === 'cylinder_fill'
                        ? t('ev.item.cylinder_fill')
                        : r.item === 'window_wait' ||
                            r.item === 'vehicle_fill' ||
                            r.item === 'heating_outage' ||
                            r.item === 'heating_season_base'
                          ? t(`ev.item.${r.item}`)
                          : r.item,
              },
              {
                title: t('ev.col.outcome'),
                key: 'outcome',
                render: (_, r) => (
                  <Tag
                    color={GOOD.includes(r.outcome) ? 'green' : BAD.includes(r.outcome) ? 'red' : 'default'}
                  >
                    {amountText(r, ind.unit, t)}
                  </Tag>
                ),
              },
              {
                title: t('ev.col.at'),
                key: 'at',
                render: (_, r) => dayjs(r.at).format('YYYY-MM-DD HH:mm'),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
