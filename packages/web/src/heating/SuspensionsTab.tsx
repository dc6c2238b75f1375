import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Space, Switch, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useNow } from '../common/useNow.ts';
import { useI18n } from '../i18n/index.tsx';
import { heatingKeys, heating, type QueueRow } from './api.ts';

/**
 * H-7.1.7 / H-7.1.8: suspension and resumption orders with the published completion commitment and the 48 h
 * valve-opening clock, and for a suspension whether the suspended-household fee applies on the season bill.
 */
export function SuspensionsTab() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const data = useQuery({ queryKey: heatingKeys.queue(open), queryFn: () => heating.queue(open) });
  const now = useNow();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Switch checked={open} onChange={setOpen} data-testid="queue-open" />
        {t('h.openOnly')}
      </Space>
      <Typography.Paragraph type="secondary">{t('h.queueIntro')}</Typography.Paragraph>
      <ErrorAlert error={data.error} onRetry={data.refetch} />
      <Table<QueueRow>
        size="small"
        rowKey="id"
        loading={data.isFetching}
        dataSource={data.data ?? []}
        data-testid="queue-table"
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('h.orderNo'), render: (_, o) => <Link to={`/orders/${o.id}`}>{o.orderNo}</Link> },
          {
            title: t('h.item'),
            render: (_, o) => (
              <Tag color={o.itemCode === 'heating_suspension' ? 'blue' : 'green'}>
                {t(`h.item.${o.itemCode}`)}
              </Tag>
            ),
          },
          {
            title: t('h.customer'),
            render: (_, o) => (o.customerName ? `${o.customerName}（${o.accountNo}）` : o.address),
          },
          { title: t('h.channel'), dataIndex: 'channel' },
          { title: t('h.received'), render: (_, o) => formatShanghai(o.receivedAt, false) },
          { title: t('h.state'), dataIndex: 'state' },
          {
            title: t('h.clock'),
            render: (_, o) =>
              o.clocks.map((c) => {
                const left = c.dueAt ? (new Date(c.dueAt).getTime() - now) / 3_600_000 : null;
                const running = !c.stoppedAt;
                const color = c.breachedAt
                  ? 'error'
                  : running
                    ? left !== null && left < 6
                      ? 'warning'
                      : 'processing'
                    : 'success';
                return (
                  <Tag key={c.name} color={color} data-testid={`clock-${c.clause}`}>
                    {c.clause} {t('h.due')} {formatShanghai(c.dueAt, false)}
                    {running && left !== null ? ` · ${t('h.hoursLeft', { h: left.toFixed(1) })}` : ''}
                  </Tag>
                );
              }),
          },
          {
            title: t('h.billingEffect'),
            render: (_, o) =>
              o.itemCode !== 'heating_suspension' || !o.season
                ? ''
                : o.suspendedFeeApplies
                  ? t('h.suspendedApplies', { period: o.season.period, pct: (o.suspendedFeeBps ?? 0) / 100 })
                  : t('h.suspendedLate', { period: o.season.period }),
          },
        ]}
      />
    </Space>
  );
}
