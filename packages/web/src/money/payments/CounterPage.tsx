import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { customers, type Customer } from '../../api/customers.ts';
import {
  paymentKeys,
  payments,
  yuan,
  type OutstandingItem,
  type Payment,
  type Sector,
} from '../../api/payments.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { metering, meteringKeys } from '../../gas/metering/api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { OutstandingTable } from './OutstandingTable.tsx';
import { PaymentForm } from './PaymentForm.tsx';
import { ReceiptModal } from './ReceiptModal.tsx';

/**
 * /counter — payment at the counter (G-6.2.8): find the customer, see balance, arrears and open notices, take the
 * payment on any channel, hand over the numbered receipt.
 */
export function CounterPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const customerId = params.get('customer');
  const [picked, setPicked] = useState<OutstandingItem | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const queries = useQueryClient();
  // The reads below wait for a customer; a payment invalidates the ledger and the meters (PaymentForm).
  const id = customerId ?? '';
  const enabled = customerId !== null;
  const c360 = useQuery({ queryKey: keys.customer(id), queryFn: () => customers.get(id), enabled });
  const statement = useQuery({
    queryKey: paymentKeys.statement(id, {}),
    queryFn: () => payments.statement(id),
    enabled,
  });
  // No meters to top up when they cannot be read.
  const meters = useQuery({
    queryKey: meteringKeys.meterList({ customerId: id }),
    queryFn: () => metering.meters({ customerId: id }),
    enabled,
  });
  const recent = useQuery({
    queryKey: paymentKeys.payments({ customerId: id, limit: 5 }),
    queryFn: () => payments.list({ customerId: id, limit: 5 }),
    enabled,
  });
  const pick = (c: Customer) => {
    setPicked(null);
    setParams({ customer: String(c.id) });
  };
  const paid = (p: Payment) => {
    setPicked(null);
    setReceipt(p.id);
    // The payment changed the ledger (statement, arrears, recent payments), a prepaid meter's balance and the bills.
    void queries.invalidateQueries({ queryKey: paymentKeys.ledger });
    void queries.invalidateQueries({ queryKey: meteringKeys.meters });
    void queries.invalidateQueries({ queryKey: keys.bills });
  };
  const s = customerId ? statement.data : undefined;
  const account = customerId ? c360.data?.account : undefined;

  return (
    <div data-testid="page-counter">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.counter')}</Typography.Title>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <CustomerPicker onPick={pick} />
      </Card>
      <ErrorAlert error={customerId ? (c360.error ?? statement.error) : null} />
      {!customerId ? <Empty description={t('pay.pickCustomer')} /> : null}
      {account && s ? (
        <Row gutter={12}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title={
                <Space>
                  <span data-testid="counter-customer">{account.name}</span>
                  <Typography.Text type="secondary">{account.accountNo}</Typography.Text>
                </Space>
              }
              extra={<Link to={`/statement/${account.id}`}>{t('pay.statement')}</Link>}
            >
              <Typography.Paragraph type="secondary">{account.address}</Typography.Paragraph>
              <Space size={32} wrap style={{ marginBottom: 12 }}>
                <Statistic
                  title={t('pay.balance')}
                  value={yuan(s.arrears.balanceFen)}
                  valueRender={(v) => <span data-testid="counter-balance">{v}</span>}
                />
                <Statistic
                  title={t('pay.overdue')}
                  value={yuan(s.arrears.overdueFen)}
                  valueStyle={{ color: s.arrears.overdueFen > 0 ? '#cf1322' : undefined }}
                  valueRender={(v) => <span data-testid="counter-overdue">{v}</span>}
                />
                <Statistic
                  title={t('pay.maxDaysOverdue')}
                  value={s.arrears.maxDaysOverdue}
                  suffix={t('pay.days')}
                />
              </Space>
              <OutstandingTable items={s.arrears.items} selected={picked?.entryId} onSelect={setPicked} />
            </Card>
            <Card size="small" title={t('pay.recent')} style={{ marginTop: 12 }}>
              <Table<Payment>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={recent.data?.items ?? []}
                columns={[
                  { title: t('pay.receiptNo'), dataIndex: 'receiptNo' },
                  {
                    title: t('pay.receivedAt'),
                    dataIndex: 'receivedAt',
                    render: (v: string) => formatShanghai(v, false),
                  },
                  {
                    title: t('pay.channel'),
                    dataIndex: 'channel',
                    render: (c: string) => t(`pay.channel.${c}` as MessageKey),
                  },
                  { title: t('pay.amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                  {
                    title: '',
                    key: 'r',
                    render: (_, p) => (
                      <Button size="small" onClick={() => setReceipt(p.id)}>
                        {t('pay.receipt')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card
              size="small"
              title={picked ? t('pay.payNotice', { period: picked.period ?? '' }) : t('pay.takePayment')}
            >
              <PaymentForm
                customerId={String(account.id)}
                sector={s.sector as Sector}
                suggestedFen={picked ? picked.outstandingFen : s.arrears.balanceFen}
                billId={picked?.billId ?? undefined}
                meters={meters.data?.items ?? []}
                onPaid={paid}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      <ReceiptModal paymentId={receipt} onClose={() => setReceipt(null)} />
    </div>
  );
}
