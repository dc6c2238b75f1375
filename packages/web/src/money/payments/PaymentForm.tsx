import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import {
  newIdempotencyKey,
  paymentKeys,
  payments,
  toFen,
  yuan,
  type Channel,
  type GatewayOrder,
  type MeterLite,
  type Payment,
  type Sector,
} from '../../api/payments.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

type Values = { amountYuan: number; channel: Channel; externalRef?: string; meterId?: string };

/**
 * Takes one payment (G-6.2.8). The idempotency key is made once per form: a double click or a retry after a lost
 * answer sends the same key and the server records one payment; a new key only after a payment went through.
 */
export function PaymentForm(props: {
  customerId: string;
  sector: Sector;
  suggestedFen: number;
  billId?: string;
  meters: MeterLite[];
  onPaid: (p: Payment) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [order, setOrder] = useState<GatewayOrder | null>(null);
  const channel = Form.useWatch('channel', form) ?? 'counter';
  const prepaidMeters = props.meters.filter((m) => m.prepaid && m.status === 'in_service');

  const channels = useQuery({ queryKey: paymentKeys.channels, queryFn: payments.channels });
  // Channels that cannot be read are off: counter, bank and top-up still work.
  const online = channels.isError
    ? { gateway: 'off' as const, channels: [], intentMinutes: 0 }
    : (channels.data ?? null);

  useEffect(() => {
    form.setFieldsValue({ amountYuan: Math.max(props.suggestedFen, 0) / 100 || undefined });
    setOrder(null);
    setError(null);
  }, [props.customerId, props.suggestedFen, props.billId, form]);

  const done = (p: Payment) => {
    setKey(newIdempotencyKey());
    setOrder(null);
    props.onPaid(p);
  };

  const submit = async (v: Values) => {
    const amountFen = toFen(v.amountYuan);
    if (!amountFen || amountFen <= 0) return;
    setBusy(true);
    setError(null);
    try {
      if (v.channel === 'wechat' || v.channel === 'alipay') {
        setOrder(
          await payments.order({
            customerId: props.customerId,
            sector: props.sector,
            channel: v.channel,
            amountFen,
            billId: props.billId,
          }),
        );
      } else {
        done(
          await payments.pay({
            customerId: props.customerId,
            sector: props.sector,
            channel: v.channel,
            amountFen,
            idempotencyKey: key,
            billId: v.channel === 'prepaid_topup' ? undefined : props.billId,
            meterId: v.channel === 'prepaid_topup' ? v.meterId : undefined,
            externalRef: v.channel === 'bank' && v.externalRef ? v.externalRef : undefined,
          }),
        );
      }
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  /**
   * The server made the order; the customer pays in the app and the channel notifies the server, which verifies
   * the signature and pays this order once. The demo gateway (demo mode only) plays the customer and the channel.
   */
  const simulate = async () => {
    if (!order) return;
    setBusy(true);
    setError(null);
    try {
      const r = await payments.simulate(order);
      if (r.payment) done(r.payment);
      else setOrder(r.intent);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  /** Live channels: ask whether the channel's notification has paid the order yet. */
  const checkPaid = async () => {
    if (!order) return;
    setBusy(true);
    setError(null);
    try {
      const now = await payments.orderStatus(order.outTradeNo);
      if (now.status === 'paid' && now.paymentId) done(await payments.get(now.paymentId));
      else setOrder({ ...now, qrText: order.qrText });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ channel: 'counter' }}
      onFinish={submit}
      data-testid="payment-form"
    >
      <Form.Item name="channel" label={t('pay.channel')}>
        <Radio.Group optionType="button" buttonStyle="solid" onChange={() => setOrder(null)}>
          {(['counter', 'bank', 'wechat', 'alipay', 'prepaid_topup'] as Channel[]).map((c) => (
            <Radio.Button
              key={c}
              value={c}
              disabled={
                (c === 'prepaid_topup' && prepaidMeters.length === 0) ||
                ((c === 'wechat' || c === 'alipay') && online !== null && !online.channels.includes(c))
              }
              data-testid={`channel-${c}`}
            >
              {t(`pay.channel.${c}` as MessageKey)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="amountYuan"
        label={t('pay.amountYuan')}
        rules={[
          { required: true, message: t('pay.amountRequired') },
          { type: 'number', min: 0.01, message: t('pay.amountRequired') },
        ]}
      >
        <InputNumber<number>
          min={0.01}
          max={1_000_000}
          precision={2}
          step={10}
          style={{ width: 220 }}
          addonBefore="¥"
          data-testid="pay-amount"
        />
      </Form.Item>
      {channel === 'bank' ? (
        <Form.Item name="externalRef" label={t('pay.externalRef')}>
          <Input maxLength={100} style={{ width: 320 }} />
        </Form.Item>
      ) : null}
      {channel === 'prepaid_topup' ? (
        <Form.Item
          name="meterId"
          label={t('pay.meter')}
          rules={[{ required: true, message: t('pay.meterRequired') }]}
        >
          <Select
            style={{ width: 320 }}
            options={prepaidMeters.map((m) => ({
              value: m.id,
              label: `${m.serialNo} · ${t('pay.prepaidBalance')} ${yuan(m.prepaidBalanceFen)}`,
            }))}
          />
        </Form.Item>
      ) : null}
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="pay-error" />
      ) : null}
      {order ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('pay.scanToPay', { amount: yuan(order.amountFen) })}
          description={
            <Space direction="vertical">
              <Typography.Text code copyable data-testid="gateway-qr">
                {order.qrText}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="gateway-status">
                {t(`pay.orderStatus.${order.status}` as MessageKey, {
                  until: new Date(order.expiresAt).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN', {
                    timeZone: 'Asia/Shanghai',
                    hour: '2-digit',
                    minute: '2-digit',
                  }),
                })}
              </Typography.Text>
              {online?.gateway === 'demo' ? (
                <>
                  <Typography.Text type="secondary">{t('pay.testGatewayHint')}</Typography.Text>
                  <Button onClick={simulate} loading={busy} data-testid="gateway-simulate">
                    {t('pay.simulatePaid')}
                  </Button>
                </>
              ) : (
                <Button onClick={checkPaid} loading={busy} data-testid="gateway-check">
                  {t('pay.checkPaid')}
                </Button>
              )}
            </Space>
          }
        />
      ) : (
        <Button type="primary" htmlType="submit" loading={busy} size="large" data-testid="pay-submit">
          {channel === 'wechat' || channel === 'alipay' ? t('pay.createOrder') : t('pay.submit')}
        </Button>
      )}
    </Form>
  );
}
