import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, Select, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Query } from '../../api/contract.ts';
import { paymentKeys, payments, yuan, type ArrearsRow } from '../../api/payments.ts';
import { ENTERPRISE_KIND_SECTOR } from '@ranre/domain';
import { billing } from '../../api/billing.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';

const PAGE = 50;

/** /arrears — accounts in arrears for collection (G-6.2.9), with the last reminder sent. */
export function ArrearsPage() {
  const { t } = useI18n();
  const user = useUser();
  const kind = user.enterpriseKind;
  const heating =
    kind !== null && kind in ENTERPRISE_KIND_SECTOR
      ? ENTERPRISE_KIND_SECTOR[kind as keyof typeof ENTERPRISE_KIND_SECTOR] === 'heating'
      : false;
  // Whether any bill was issued yet: an enterprise before its first bills has no arrears, and the page says so.
  const billed = useQuery({
    queryKey: keys.billList({ limit: 1 }),
    queryFn: () => billing.bills({ limit: 1 }),
  });
  const [sort, setSort] = useState<NonNullable<Query<'/api/arrears'>['sort']>>('overdue');
  const [minDays, setMinDays] = useState(1);
  const [page, setPage] = useState(1);
  const query = { sort, minDays, limit: PAGE, offset: (page - 1) * PAGE };
  const list = useQuery({
    queryKey: paymentKeys.arrears(query),
    queryFn: () => payments.arrears(query),
    placeholderData: keepPreviousData,
  });
  return (
    <div data-testid="page-arrears">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.arrears')}</Typography.Title>
        <Space wrap>
          <Select
            value={sort}
            onChange={(v) => {
              setSort(v);
              setPage(1);
            }}
            style={{ width: 180 }}
            options={(['overdue', 'days', 'balance', 'account'] as const).map((k) => ({
              value: k,
              label: t(`pay.sort.${k}`),
            }))}
          />
          <Select
            value={minDays}
            onChange={(v) => {
              setMinDays(v);
              setPage(1);
            }}
            style={{ width: 160 }}
            options={[1, 15, 30, 90].map((n) => ({ value: n, label: t('pay.minDays', { n }) }))}
          />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        {t(heating ? 'pay.arrearsIntroHeating' : 'pay.arrearsIntro')}
      </Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Card size="small">
        <Space size={32} style={{ marginBottom: 12 }}>
          <Statistic title={t('pay.accountsInArrears')} value={list.data?.total ?? 0} />
          <Statistic
            title={t('pay.totalOverdue')}
            value={yuan(list.data?.totalOverdueFen ?? 0)}
            valueStyle={{ color: '#cf1322' }}
          />
        </Space>
        <Table<ArrearsRow>
          size="small"
          rowKey={(r) => `${r.customerId}|${r.sector}`}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText:
              billed.data?.total === 0
                ? t(heating ? 'pay.noBillsYetHeating' : 'pay.noBillsYet')
                : t('pay.noArrearsOver', { n: minDays }),
          }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('pay.accountNo'),
              dataIndex: 'accountNo',
              render: (v: string, r) => <Link to={`/statement/${r.customerId}`}>{v}</Link>,
            },
            { title: t('pay.customerName'), dataIndex: 'name' },
            {
              title: t('pay.overdue'),
              dataIndex: 'overdueFen',
              align: 'right',
              render: (v: number) => <strong style={{ color: '#cf1322' }}>{yuan(v)}</strong>,
            },
            { title: t('pay.balance'), dataIndex: 'balanceFen', align: 'right', render: yuan },
            { title: t('pay.overdueNotices'), dataIndex: 'overdueNotices', align: 'right' },
            { title: t('pay.maxDaysOverdue'), dataIndex: 'maxDaysOverdue', align: 'right' },
            { title: t('pay.oldestDue'), dataIndex: 'oldestDueDate' },
            { title: t('pay.lastPayment'), dataIndex: 'lastPaymentOn' },
            {
              title: t('pay.lastReminder'),
              dataIndex: 'lastReminderAt',
              render: (v: string | null) => formatShanghai(v, false),
            },
            {
              title: '',
              key: 'go',
              render: (_, r) => <Link to={`/counter?customer=${r.customerId}`}>{t('pay.takePayment')}</Link>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
