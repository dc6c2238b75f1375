import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert, errorText } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { resident, residentKeys, type BookingInput } from './api.ts';
import { BookingsCard } from './BookingsCard.tsx';

type Kind = BookingInput['kind'];
interface Values {
  customerId: string;
  kind: Kind;
  proposedAt: string;
  note?: string;
  model?: string;
  quantity?: number;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * Book a visit at a proposed time (G-5.9.2, H-7.6.5.1): a room-temperature test, the household's inspection time,
 * a bottled-gas delivery. A native date-time field: every phone browser has one, WeChat's included.
 */
export function BookPage() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const options = useQuery({ queryKey: residentKeys.bookingOptions, queryFn: resident.bookingOptions });
  const customerId = Form.useWatch('customerId', form);
  const kind = Form.useWatch('kind', form);
  const model = Form.useWatch('model', form);
  const quantity = Form.useWatch('quantity', form) ?? 1;
  const send = useMutation({
    mutationFn: (v: Values) =>
      resident.book({
        customerId: v.customerId,
        kind: v.kind,
        // The field gives Beijing wall time (YYYY-MM-DDTHH:mm).
        proposedAt: `${v.proposedAt}:00+08:00`,
        note: v.note ?? '',
        ...(v.kind === 'bottled_gas_delivery' && v.model
          ? { cylinder: { model: v.model, quantity: v.quantity ?? 1 } }
          : {}),
        channel: /MicroMessenger/i.test(navigator.userAgent) ? 'wechat' : 'web',
      }),
    onSuccess: () => {
      setError(null);
      setDone(true);
      form.resetFields(['proposedAt', 'note']);
      void qc.invalidateQueries({ queryKey: residentKeys.all });
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  if (options.error) return <ErrorAlert error={options.error} onRetry={() => options.refetch()} />;
  if (!options.data) return <Spin />;
  const items = options.data.items.filter((a) => a.kinds.length > 0);
  const chosen = items.find((a) => a.customerId === customerId);
  const list = kind === 'bottled_gas_delivery' ? (chosen?.priceList ?? null) : null;
  const line = list?.items.find((i) => i.model === model);
  return (
    <div className="resident-page">
      <Typography.Title level={4}>{t('bk.title')}</Typography.Title>
      {items.length === 0 ? (
        <Alert
          type="info"
          message={t('bk.none')}
          action={<Link to="/r/accounts">{t('menu.resAccounts')}</Link>}
        />
      ) : (
        <Card size="small" data-testid="book-card">
          <Typography.Paragraph type="secondary">{t('bk.intro')}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => send.mutate(v)}
            onValuesChange={(changed: Partial<Values>) => {
              setDone(false);
              if (changed.customerId) {
                const a = items.find((i) => i.customerId === changed.customerId);
                form.setFieldValue('kind', a?.kinds[0]);
              }
            }}
          >
            <Form.Item
              name="customerId"
              label={t('bk.account')}
              rules={[{ required: true, message: t('bk.required') }]}
            >
              <Select
                data-testid="book-account"
                options={items.map((a) => ({
                  value: a.customerId,
                  label: `${a.accountNo} · ${a.enterpriseName}`,
                }))}
              />
            </Form.Item>
            {chosen ? (
              <Form.Item
                name="kind"
                label={t('bk.kind')}
                rules={[{ required: true, message: t('bk.required') }]}
              >
                <Radio.Group>
                  {chosen.kinds.map((k) => (
                    <Radio key={k} value={k} data-testid={`book-kind-${k}`}>
                      {t(`bk.kind.${k}`)}
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
            ) : null}
            {chosen?.visit ? (
              <Alert
                style={{ marginBottom: 12 }}
                type="info"
                data-testid="book-visit-window"
                message={t('bk.visitWindow', { from: chosen.visit.windowFrom, to: chosen.visit.windowTo })}
              />
            ) : null}
            {kind === 'bottled_gas_delivery' && chosen && !list ? (
              <Alert style={{ marginBottom: 12 }} type="warning" message={t('bk.noPriceList')} />
            ) : null}
            {list ? (
              <>
                <Typography.Paragraph type="secondary" data-testid="book-price-list">
                  {t('bk.priceList', { from: list.effectiveFrom })}
                  {list.demo ? ` · ${t('bk.demoPrices')}` : ''}
                </Typography.Paragraph>
                <Form.Item
                  name="model"
                  label={t('bk.model')}
                  rules={[{ required: true, message: t('bk.required') }]}
                >
                  <Radio.Group style={{ width: '100%' }}>
                    <Space direction="vertical" style={{ width: '100%' }}>
                      {list.items.map((i) => (
                        <Radio key={i.model} value={i.model} data-testid={`book-model-${i.model}`}>
                          {t('bk.modelLine', {
                            model: i.model,
                            kg: (i.fillG / 1000).toFixed(1),
                            price: yuan(i.priceFen),
                          })}
                        </Radio>
                      ))}
                    </Space>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="quantity" label={t('bk.quantity')} initialValue={1}>
                  <InputNumber min={1} max={5} precision={0} data-testid="book-quantity" />
                </Form.Item>
                <Alert
                  style={{ marginBottom: 12 }}
                  type="info"
                  data-testid="book-total"
                  message={
                    line
                      ? t('bk.total', {
                          total: yuan(line.priceFen * quantity + list.deliveryFeeFen),
                          fee: yuan(list.deliveryFeeFen),
                        })
                      : t('bk.deliveryFee', { fee: yuan(list.deliveryFeeFen) })
                  }
                />
              </>
            ) : null}
            <Form.Item
              name="proposedAt"
              label={t('bk.proposedAt')}
              rules={[{ required: true, message: t('bk.required') }]}
            >
              <Input type="datetime-local" data-testid="book-time" />
            </Form.Item>
            <Form.Item name="note" label={t('bk.note')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="book-note" />
            </Form.Item>
            {error ? (
              <Alert
                type="error"
                showIcon
                message={error}
                style={{ marginBottom: 12 }}
                data-testid="book-error"
              />
            ) : null}
            {done ? (
              <Alert
                type="success"
                showIcon
                message={t('bk.done')}
                style={{ marginBottom: 12 }}
                data-testid="book-done"
              />
            ) : null}
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={send.isPending}
              data-testid="book-submit"
            >
              {t('bk.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        <BookingsCard />
      </Space>
    </div>
  );
}
