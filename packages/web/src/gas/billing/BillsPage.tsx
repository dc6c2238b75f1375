import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { billing, m3, type Bill } from '../../api/billing.ts';
import { yuan } from '../../api/payments.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { enterpriseColumn, useEnterpriseNames } from '../../common/enterprises.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';

const PAGE = 50;

/** Bills table shared by the bills page and the customer's 360 tab. */
export function BillTable({
  items,
  loading,
  pagination,
}: {
  items: Bill[];
  loading: boolean;
  pagination?: object | false;
}) {
  const { t } = useI18n();
  const regulator = useAuth().user?.role === 'regulator';
  const names = useEnterpriseNames(regulator);
  return (
    <Table<Bill>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={pagination ?? false}
      data-testid="bills-table"
      columns={[
        ...enterpriseColumn<Bill>(t, names, regulator),
        {
          title: t('bill.billNo'),
          dataIndex: 'billNo',
          render: (v: string, b) => (
            <Link to={`/bills/${b.id}`} data-testid={`bill-link-${b.accountNo}`}>
              {v}
            </Link>
          ),
        },
        { title: t('pay.accountNo'), dataIndex: 'accountNo' },
        { title: t('pay.customerName'), dataIndex: 'customerName' },
        { title: t('bill.period'), dataIndex: 'period' },
        {
          title: t('bill.kind'),
          dataIndex: 'kind',
          render: (k: Bill['kind'], b) => (
            <Space size={4}>
              <Tag color={k === 'correction' ? 'orange' : 'blue'}>{t(`bill.kind.${k}`)}</Tag>
              {b.estimated && <Tag color="gold">{t('bill.estimatedTag')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('bill.volume'),
          dataIndex: 'volume',
          align: 'right',
          // A heating bill has no gas volume: a dash, not 0.000.
          render: (v: number, b) => (b.sector === 'gas' ? m3(v) : '—'),
        },
        { title: t('bill.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('bill.issuedOn'), dataIndex: 'issuedOn' },
      ]}
    />
  );
}

/** /bills — bills by month, run or search text. */
export function BillsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const runId = params.get('runId') ?? undefined;
  const [period, setPeriod] = useState(params.get('period') ?? '');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const validPeriod = /^\d{4}-\d{2}$/.test(period) ? period : undefined;
  const query = {
    runId,
    period: validPeriod,
    q: q.trim() || undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useQuery({
    queryKey: keys.billList(query),
    queryFn: () => billing.bills(query),
    placeholderData: keepPreviousData,
  });
  return (
    <div data-testid="page-bills">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.bills')}</Typography.Title>
        <Space wrap>
          {runId && (
            <Tag closable onClose={() => setParams({})}>
              {t('bill.viewBills')}
            </Tag>
          )}
          <Input
            value={period}
            onChange={(e) => {
              setPeriod(e.target.value);
              setPage(1);
            }}
            placeholder="YYYY-MM"
            addonBefore={t('bill.period')}
            style={{ width: 170 }}
          />
          <Input.Search
            allowClear
            placeholder={t('bill.search')}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: 240 }}
          />
        </Space>
      </div>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Card size="small">
        <BillTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      </Card>
    </div>
  );
}
