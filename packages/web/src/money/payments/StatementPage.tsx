import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { paymentKeys, payments, yuan, type StatementEntry } from '../../api/payments.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { AdjustmentModal } from './AdjustmentModal.tsx';
import { OutstandingTable } from './OutstandingTable.tsx';

const KIND_COLOR = { charge: 'orange', payment: 'green', adjustment: 'blue' } as const;

/** /statement/:id — the customer's account statement: opening, entries with running balance, closing, arrears. */
export function StatementPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const user = useUser();
  const [adjusting, setAdjusting] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const queries = useQueryClient();
  const s = useQuery({
    queryKey: paymentKeys.statement(id, { from, to }),
    queryFn: () => payments.statement(id, { from, to }),
  });
  const canAdjust = user.role === 'billing_clerk' || user.role === 'enterprise_admin';
  const d = s.data;
  return (
    <div data-testid="page-statement">
      <div className="page-title">
        <Typography.Title level={4}>
          {t('pay.statement')}
          {d ? ` · ${d.customer.name} ${d.customer.accountNo}` : ''}
        </Typography.Title>
        <Space wrap>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('pay.print')}
          </Button>
          {canAdjust ? <Button onClick={() => setAdjusting(true)}>{t('pay.adjust')}</Button> : null}
          <Link to={`/counter?customer=${id}`}>{t('pay.takePayment')}</Link>
        </Space>
      </div>
      <ErrorAlert error={s.error} onRetry={() => void s.refetch()} />
      <AdjustmentModal
        customerId={id}
        open={adjusting}
        onClose={() => setAdjusting(false)}
        onDone={() => {
          setAdjusting(false);
          void queries.invalidateQueries({ queryKey: paymentKeys.ledger });
        }}
      />
      {d ? (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'o', label: t('pay.opening'), children: yuan(d.openingBalanceFen) },
              { key: 'c', label: t('pay.charges'), children: yuan(d.totals.chargesFen) },
              { key: 'p', label: t('pay.payments'), children: yuan(d.totals.paymentsFen) },
              { key: 'a', label: t('pay.adjustments'), children: yuan(d.totals.adjustmentsFen) },
              {
                key: 'cl',
                label: t('pay.closing'),
                children: <strong data-testid="statement-closing">{yuan(d.closingBalanceFen)}</strong>,
              },
              { key: 'range', label: t('pay.range'), children: `${d.from ?? '…'} – ${d.to}` },
            ]}
          />
          <Card size="small" title={t('pay.entries')}>
            <Table<StatementEntry>
              size="small"
              rowKey="id"
              dataSource={d.entries}
              pagination={{ pageSize: 24, hideOnSinglePage: true }}
              columns={[
                { title: t('pay.bookedOn'), dataIndex: 'bookedOn', className: 'nowrap' },
                {
                  title: t('pay.kind'),
                  dataIndex: 'kind',
                  render: (k: StatementEntry['kind']) => (
                    <Tag color={KIND_COLOR[k]}>{t(`pay.kind.${k}` as MessageKey)}</Tag>
                  ),
                },
                {
                  title: t('pay.detail'),
                  key: 'detail',
                  render: (_, e) =>
                    e.period
                      ? `${e.period} · ${e.billNo ?? ''}${e.dueDate ? ` · ${t('pay.dueDate')} ${e.dueDate}` : ''}`
                      : e.reason,
                },
                {
                  title: t('pay.debit'),
                  key: 'dr',
                  align: 'right',
                  render: (_, e) => (e.signedFen > 0 ? yuan(e.signedFen) : ''),
                },
                {
                  title: t('pay.credit'),
                  key: 'cr',
                  align: 'right',
                  render: (_, e) => (e.signedFen < 0 ? yuan(-e.signedFen) : ''),
                },
                { title: t('pay.running'), dataIndex: 'runningBalanceFen', align: 'right', render: yuan },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('pay.arrearsToday', { amount: yuan(d.arrears.overdueFen) })}
            data-testid="statement-arrears"
          >
            <OutstandingTable items={d.arrears.items} />
          </Card>
        </Space>
      ) : null}
    </div>
  );
}
