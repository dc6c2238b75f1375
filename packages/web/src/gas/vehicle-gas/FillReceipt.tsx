import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, Select, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { vehicleGas, type FillReceipt, type PaymentMethod } from './vehicleGas.ts';

const METHODS: PaymentMethod[] = ['cash', 'wechat', 'alipay', 'bank_card', 'fuel_card'];
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * G-8.1.3: the fee of the fill receipted — the price per unit and how it was paid; issued once, then printed (the
 * PDF is made from the issued receipt, so a reprint is the same receipt).
 */
export function FillReceiptCard({
  fillId,
  quantity,
  unit,
}: {
  fillId: string;
  quantity: number;
  unit: string;
}) {
  const { t, lang } = useI18n();
  const [price, setPrice] = useState<number | null>(null);
  const [method, setMethod] = useState<PaymentMethod>('wechat');
  const [receipt, setReceipt] = useState<FillReceipt | null>(null);
  const issue = useMutation({
    mutationFn: () =>
      vehicleGas.issueReceipt(fillId, {
        unitPriceFen: Math.round((price ?? 0) * 100),
        paymentMethod: method,
      }),
    onSuccess: setReceipt,
  });
  return (
    <Card size="small" title={t('vg.receipt.title')} style={{ marginTop: 12 }} data-testid="vf-receipt">
      {receipt ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong data-testid="vf-receipt-no">
            {t('vg.receipt.issued', { no: receipt.receiptNo, amount: yuan(receipt.amountFen) })}
          </Typography.Text>
          <Button
            type="primary"
            size="large"
            block
            icon={<PrinterOutlined />}
            href={vehicleGas.receiptPdfUrl(fillId)}
            target="_blank"
            data-testid="vf-receipt-print"
          >
            {t('vg.receipt.print')}
          </Button>
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <InputNumber
            size="large"
            min={0.01}
            max={1000}
            precision={2}
            prefix="¥"
            suffix={`/ ${unit}`}
            placeholder={t('vg.receipt.price')}
            value={price}
            onChange={setPrice}
            style={{ width: '100%' }}
            data-testid="vf-receipt-price"
          />
          <Select<PaymentMethod>
            size="large"
            value={method}
            onChange={setMethod}
            options={METHODS.map((m) => ({ value: m, label: t(`vg.receipt.method.${m}`) }))}
            data-testid="vf-receipt-method"
          />
          {price ? (
            <Typography.Text type="secondary">
              {t('vg.receipt.amount', {
                amount: yuan(Math.round((quantity * 1000 * Math.round(price * 100)) / 1000)),
              })}
            </Typography.Text>
          ) : null}
          {issue.error ? <Alert type="error" showIcon message={errorText(issue.error, lang)} /> : null}
          <Button
            size="large"
            block
            disabled={!price}
            loading={issue.isPending}
            onClick={() => issue.mutate()}
            data-testid="vf-receipt-issue"
          >
            {t('vg.receipt.issue')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
