import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Modal, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { paymentKeys, payments, yuan } from '../../api/payments.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

/** The receipt of one payment as printed (G-6.2.8: a lawful receipt for every payment). */
export function ReceiptModal({ paymentId, onClose }: { paymentId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const r = useQuery({
    queryKey: paymentKeys.receipt(paymentId ?? ''),
    queryFn: () => payments.receipt(paymentId!),
    enabled: paymentId !== null,
  });
  const d = paymentId ? r.data : undefined;
  return (
    <Modal
      open={paymentId !== null}
      onCancel={onClose}
      width={640}
      title={t('pay.receipt')}
      footer={[
        <Button
          key="print"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="receipt-print"
        >
          {t('pay.print')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('pay.close')}
        </Button>,
      ]}
    >
      {paymentId && r.error ? <ErrorAlert error={r.error} /> : null}
      {!d ? (
        <Spin />
      ) : (
        <div className="receipt-print" data-testid="receipt">
          <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
            {d.enterprise.name}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            {t('pay.receiptTitle')} · {t('pay.receiptNo')}{' '}
            <strong data-testid="receipt-no">{d.receiptNo}</strong>
          </Typography.Paragraph>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'acct', label: t('pay.accountNo'), children: d.customer.accountNo },
              { key: 'name', label: t('pay.customerName'), children: d.customer.name },
              { key: 'addr', label: t('pay.address'), span: 2, children: d.customer.address ?? '' },
              {
                key: 'amount',
                label: t('pay.amount'),
                span: 2,
                children: (
                  <span data-testid="receipt-amount">
                    <strong>{yuan(d.amountFen)}</strong>（{t('pay.inWords')}：{d.amountInWords}）
                  </span>
                ),
              },
              {
                key: 'channel',
                label: t('pay.channel'),
                children: t(`pay.channel.${d.channel}` as MessageKey),
              },
              { key: 'at', label: t('pay.receivedAt'), children: formatShanghai(d.receivedAt, false) },
              ...(d.bill
                ? [{ key: 'bill', label: t('pay.bill'), children: `${d.bill.period} · ${d.bill.billNo}` }]
                : []),
              ...(d.meterSerialNo
                ? [{ key: 'meter', label: t('pay.meter'), children: d.meterSerialNo }]
                : []),
              ...(d.externalRef
                ? [{ key: 'ref', label: t('pay.externalRef'), children: d.externalRef }]
                : []),
              { key: 'op', label: t('pay.operator'), children: d.operator },
              {
                key: 'bal',
                label: t('pay.balanceAfter'),
                children: <span data-testid="receipt-balance">{yuan(d.balanceAfterFen)}</span>,
              },
              ...(d.prepaidBalanceFen !== null
                ? [{ key: 'pp', label: t('pay.prepaidBalance'), children: yuan(d.prepaidBalanceFen) }]
                : []),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {t('pay.receiptFoot', { code: d.enterprise.creditCode, hotline: d.enterprise.hotline })}
          </Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
