import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Card, Checkbox, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useEnterpriseNames } from '../../common/enterprises.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Countdown } from '../../service/orders/Countdown.tsx';
import { ItemCell } from '../../service/orders/ItemCell.tsx';
import { StateTag } from '../../service/orders/StateTag.tsx';
import { supervision, type SupervisedOrder, type SupervisionQuery } from './api.ts';

const PAGE = 100;

/**
 * /supervision — the regulator's queue across enterprises: open complaints and orders with the overdue first, and the
 * complaints awaiting its responsibility decision (H-7.4.8). Each row opens the order, where the regulator decides
 * or supervises (督办, H-7.4.10.5). Complainants stay masked (G-5.7.6).
 */
export function SupervisionPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<'orders' | 'decisions'>('orders');
  return (
    <div data-testid="page-supervision">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.supervision')}</Typography.Title>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as typeof tab)}
        items={[
          { key: 'orders', label: t('sv.tab.orders'), children: <OrdersTab /> },
          { key: 'decisions', label: t('sv.tab.decisions'), children: <DecisionsTab /> },
        ]}
      />
    </div>
  );
}

function OrdersTab() {
  const { t } = useI18n();
  const names = useEnterpriseNames(true);
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>();
  const [complaintsOnly, setComplaintsOnly] = useState(true);
  const [breachedOnly, setBreachedOnly] = useState(false);
  const query: SupervisionQuery = {
    state: 'open',
    sort: 'due',
    limit: PAGE,
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(complaintsOnly ? { complaint: 'true' as const } : {}),
    ...(breachedOnly ? { breached: 'true' as const } : {}),
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('sv.allEnterprises')}
          style={{ width: 240 }}
          value={enterpriseId}
          onChange={setEnterpriseId}
          options={[...names].map(([value, label]) => ({ value, label }))}
          data-testid="sv-enterprise"
        />
        <Checkbox checked={complaintsOnly} onChange={(e) => setComplaintsOnly(e.target.checked)}>
          {t('sv.complaintsOnly')}
        </Checkbox>
        <Checkbox
          checked={breachedOnly}
          onChange={(e) => setBreachedOnly(e.target.checked)}
          data-testid="sv-breached"
        >
          {t('sv.breachedOnly')}
        </Checkbox>
      </Space>
      <Typography.Paragraph type="secondary">{t('sv.ordersHint')}</Typography.Paragraph>
      <OrderTable query={query} testId="sv-orders" empty={t('sv.noOpen')} />
    </>
  );
}

function DecisionsTab() {
  const { t } = useI18n();
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sv.decisionsHint')} />
      <OrderTable
        query={{ responsibility: 'undecided', sort: 'received', limit: PAGE }}
        testId="sv-decisions"
        empty={t('sv.noDecisions')}
      />
    </>
  );
}

function OrderTable({ query, testId, empty }: { query: SupervisionQuery; testId: string; empty: string }) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['work-orders', 'supervision', query],
    queryFn: () => supervision.orders(query),
    placeholderData: keepPreviousData,
  });
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<SupervisedOrder>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: empty }}
        data-testid={testId}
        columns={[
          { title: t('common.enterprise'), dataIndex: 'enterpriseName', className: 'nowrap' },
          {
            title: t('wo.orderNo'),
            dataIndex: 'orderNo',
            className: 'nowrap',
            render: (no: string, o) => (
              <Link to={`/orders/${o.id}`} data-testid="sv-order-link">
                {no}
              </Link>
            ),
          },
          {
            title: t('wo.item'),
            key: 'item',
            render: (_, o) => <ItemCell order={o} />,
          },
          { title: t('wo.state'), key: 'state', render: (_, o) => <StateTag state={o.state} /> },
          {
            title: t('wo.timeLeft'),
            key: 'left',
            className: 'nowrap',
            render: (_, o) =>
              o.breached ? <Tag color="red">{t('sv.breached')}</Tag> : <Countdown dueAt={o.nextDueAt} />,
          },
          { title: t('wo.customer'), key: 'customer', render: (_, o) => o.customerName || o.callerName },
          {
            title: t('wo.receivedAt'),
            key: 'received',
            className: 'nowrap',
            render: (_, o) => formatShanghai(o.receivedAt, false),
          },
        ]}
      />
    </Card>
  );
}
