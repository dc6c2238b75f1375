import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { customers, type Customer } from '../api/customers.ts';
import { payments, yuan, type OutstandingItem, type Payment, type Sector } from '../api/payments.ts';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useAsync } from '../common/useAsync.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
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
  const [tick, setTick] = useState(0);
  const c360 = useAsync(() => (customerId ? customers.get(customerId) : Promise.resolve(null)), [customerId]);
  const statement = useAsync(
    () => (customerId ? payments.statement(customerId) : Promise.resolve(null)),
    [customerId, tick],
  );
  const meters = useAsync(
    () =>
      customerId ? payments.meters(customerId).catch(() => ({ items: [] })) : Promise.resolve({ items: [] }),
    [customerId, tick],
  );
  const recent = useAsync(
    () => (customerId ? payments.list({ customerId, limit: 5 }) : Promise.resolve(null)),
    [customerId, tick],
  );
  const pick = (c: Customer) => {
    setPicked(null);
    setParams({ customer: String(c.id) });
  };
  const paid = (p: Payment) => {
    setPicked(null);
    setReceipt(p.id);
    setTick((x) => x + 1);
  };
  const s = statement.data;
  const account = c360.data?.account;

  return (
    <div data-testid="page-counter">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.counter')}</Typography.Title>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <CustomerPicker onPick={pick} />
      </Card>
      <ErrorAlert error={c360.error ?? statement.error} />
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
