import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, List, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { resident, residentKeys, yuan } from './api.ts';

/** The receipt as the counter prints it (G-6.2.8), in a full-width dialog on a phone. */
function ReceiptView({ accountId, paymentId }: { accountId: string; paymentId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: residentKeys.receipt(accountId, paymentId),
    queryFn: () => resident.receipt(accountId, paymentId),
  });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  if (!d) return <Spin />;
  return (
    <div className="receipt-print" data-testid="receipt">
      <Typography.Title level={5} style={{ textAlign: 'center' }}>
        {d.enterprise.name}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('res.receiptNo')}>
          <span data-testid="receipt-no">{d.receiptNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('res.receiptAccount')}>
          {d.customer.accountNo} · {d.customer.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('res.receiptAmount')}>
          {yuan(d.amountFen)}（{d.amountInWords}）
        </Descriptions.Item>
        <Descriptions.Item label={t('res.receiptAt')}>{formatShanghai(d.receivedAt, true)}</Descriptions.Item>
        {d.bill ? (
          <Descriptions.Item label={t('res.receiptBill')}>
            {d.bill.billNo} · {d.bill.period}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('res.receiptChannel')}>
          {t(`res.channel.${d.channel}` as MessageKey)}
        </Descriptions.Item>
        <Descriptions.Item label={t('res.receiptOperator')}>{d.operator}</Descriptions.Item>
        <Descriptions.Item label={t('res.receiptCredit')}>{d.enterprise.creditCode}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/** Each payment of the account with its numbered receipt, which opens on tap (G-6.2.8). */
export function ReceiptsCard({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({
    queryKey: residentKeys.receipts(accountId),
    queryFn: () => resident.receipts(accountId),
  });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  return (
    <Card size="small" title={t('res.payments')} data-testid="receipts">
      <List
        size="small"
        loading={!q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('res.noPayments') }}
        renderItem={(p) => (
          <List.Item
            key={p.id}
            actions={[
              <Button key="open" size="small" onClick={() => setOpen(p.id)} data-testid="receipt-open">
                {t('res.receiptOpen')}
              </Button>,
            ]}
          >
            <Space2
              top={`${formatShanghai(p.receivedAt, false)} · ${yuan(p.amountFen)}`}
              bottom={p.receiptNo}
            />
          </List.Item>
        )}
      />
      <Modal
        open={open !== null}
        onCancel={() => setOpen(null)}
        title={t('res.receipt')}
        width="100%"
        style={{ maxWidth: 560, top: 12 }}
        footer={[
          <Button key="print" onClick={() => window.print()}>
            {t('res.receiptPrint')}
          </Button>,
          <Button key="close" type="primary" onClick={() => setOpen(null)}>
            {t('res.receiptClose')}
          </Button>,
        ]}
      >
        {open ? <ReceiptView accountId={accountId} paymentId={open} /> : null}
      </Modal>
    </Card>
  );
}

function Space2({ top, bottom }: { top: string; bottom: string }) {
  return (
    <div>
      <div>{top}</div>
      <Typography.Text type="secondary" data-testid="receipt-item-no">
        {bottom}
      </Typography.Text>
    </div>
  );
}
