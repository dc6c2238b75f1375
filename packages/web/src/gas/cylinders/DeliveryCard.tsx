import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Tag,
  Typography,
} from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { workOrders, type WorkOrderDetail } from '../../api/workorders.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SignaturePad, type SignaturePadHandle } from '../../service/orders/SignaturePad.tsx';
import type { OrderAction } from '../../service/orders/useOrder.ts';
import { deliveries, deliveryKeys, yuan, type Delivery } from './deliveries.ts';

interface Values {
  fullCode: string;
  emptyCode?: string;
  amountYuan: number;
  installed: boolean;
  leakChecked: boolean;
  ignitionTested: boolean;
  declinedAdvice?: string;
  handbookGiven: boolean;
}

/**
 * The courier's phone view of a bottled-gas order (G-7.2.1, G-7.2.2): scan the full cylinder handed over and the
 * empty one taken back, install with leak check and ignition test and the customer's signature — or note that the
 * customer declined and the advice given — hand over the handbook; then the order is completed with the receipt.
 */
export function DeliveryCard({ order, act }: { order: WorkOrderDetail; act: OrderAction }) {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignaturePadHandle>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const installed = Form.useWatch('installed', form) ?? true;
  const q = { orderId: String(order.id), limit: 1 };
  const existing = useQuery({ queryKey: deliveryKeys.list(q), queryFn: () => deliveries.list(q) });
  const done = existing.data?.items[0] ?? null;
  // A resident's self-service order: the model, quantity and total priced on the published list.
  const oq = { orderId: String(order.id), limit: 1 };
  const ordered = useQuery({ queryKey: deliveryKeys.orders(oq), queryFn: () => deliveries.orders(oq) });
  const line = ordered.data?.items[0] ?? null;
  useEffect(() => {
    if (line && form.getFieldValue('amountYuan') == null)
      form.setFieldValue('amountYuan', line.totalFen / 100);
  }, [line, form]);

  const complete = async (d: Delivery) => {
    const signatureAttachmentId = d.signatureAttachmentId;
    const result = t('dl.result', { full: d.fullCode, empty: d.emptyCode ?? '—', receipt: d.receiptNo });
    await act({
      type: 'completed',
      record: signatureAttachmentId
        ? { result, onSite: true, signature: true, signatureAttachmentId }
        : {
            result,
            onSite: true,
            signatureRefusedReason: t('dl.declinedReason', { advice: d.declinedAdvice ?? '' }),
          },
    });
  };

  const submit = async (v: Values) => {
    setError(null);
    if (v.installed && (pad.current?.isEmpty() ?? true)) {
      setError(t('wo.signatureRequired'));
      return;
    }
    setBusy(true);
    try {
      const signature = v.installed
        ? await workOrders.attach(order.id, 'signature', pad.current!.toPng())
        : null;
      const d = await deliveries.record({
        orderId: String(order.id),
        fullCode: v.fullCode.trim(),
        emptyCode: v.emptyCode?.trim() || undefined,
        amountFen: Math.round(v.amountYuan * 100),
        installed: v.installed,
        leakChecked: v.installed && v.leakChecked,
        ignitionTested: v.installed && v.ignitionTested,
        declinedAdvice: v.installed ? undefined : v.declinedAdvice?.trim(),
        handbookGiven: v.handbookGiven,
        signatureAttachmentId: signature ? String(signature.id) : undefined,
      });
      await queries.invalidateQueries({ queryKey: deliveryKeys.all });
      await complete(d);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div data-testid="dl-done">
        <Alert type="success" showIcon message={t('dl.recorded', { receipt: done.receiptNo })} />
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('dl.full')}>{done.fullCode}</Descriptions.Item>
          <Descriptions.Item label={t('dl.empty')}>{done.emptyCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dl.amount')}>{yuan(done.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('dl.installation')}>
            {done.installed
              ? t('dl.installedDone')
              : t('dl.declinedWith', { advice: done.declinedAdvice ?? '' })}
          </Descriptions.Item>
          <Descriptions.Item label={t('dl.onTime')}>
            <Tag color={done.onTime ? 'green' : 'red'}>
              {done.onTime ? t('dl.onTimeYes') : t('dl.onTimeNo')}
            </Tag>
          </Descriptions.Item>
        </Descriptions>
        {/* A delivery recorded but the order not yet completed (the completion failed): complete it now. */}
        <Button
          block
          size="large"
          type="primary"
          loading={busy}
          data-testid="dl-complete"
          onClick={() => {
            setBusy(true);
            complete(done)
              .catch((e: unknown) => setError(errorText(e, lang)))
              .finally(() => setBusy(false));
          }}
        >
          {t('dl.complete')}
        </Button>
        {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} /> : null}
      </div>
    );
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ installed: true, leakChecked: false, ignitionTested: false, handbookGiven: true }}
      onFinish={(v) => void submit(v)}
      data-testid="delivery-form"
    >
      <Typography.Paragraph type="secondary">{t('dl.hint')}</Typography.Paragraph>
      {line ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="dl-ordered"
          message={t('dl.ordered', {
            model: line.model,
            quantity: line.quantity,
            total: yuan(line.totalFen),
          })}
        />
      ) : null}
      <Form.Item
        name="fullCode"
        label={t('dl.full')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input size="large" prefix={<ScanOutlined />} autoComplete="off" data-testid="dl-full" />
      </Form.Item>
      <Form.Item name="emptyCode" label={t('dl.empty')} extra={t('dl.emptyHint')}>
        <Input size="large" prefix={<ScanOutlined />} autoComplete="off" data-testid="dl-empty" />
      </Form.Item>
      <Form.Item
        name="amountYuan"
        label={t('dl.amount')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber
          size="large"
          min={0}
          max={100000}
          precision={2}
          prefix="¥"
          style={{ width: '100%' }}
          data-testid="dl-amount"
        />
      </Form.Item>
      <Form.Item name="installed" label={t('dl.installation')}>
        <Radio.Group
          size="large"
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('dl.install') },
            { value: false, label: t('dl.declined') },
          ]}
          data-testid="dl-installed"
        />
      </Form.Item>
      {installed ? (
        <>
          <Form.Item
            name="leakChecked"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('dl.leakRequired'))),
              },
            ]}
          >
            <Checkbox data-testid="dl-leak">{t('dl.leakChecked')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="ignitionTested"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('dl.ignitionRequired'))),
              },
            ]}
          >
            <Checkbox data-testid="dl-ignition">{t('dl.ignitionTested')}</Checkbox>
          </Form.Item>
          <Form.Item label={t('dl.signature')}>
            <SignaturePad ref={pad} />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="declinedAdvice"
          label={t('dl.advice')}
          rules={[{ required: true, whitespace: true, min: 4, message: t('dl.adviceRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={300}
            placeholder={t('dl.advicePlaceholder')}
            data-testid="dl-advice"
          />
        </Form.Item>
      )}
      <Form.Item name="handbookGiven" valuePropName="checked">
        <Checkbox data-testid="dl-handbook">{t('dl.handbook')}</Checkbox>
      </Form.Item>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="dl-error" />
      ) : null}
      <Button type="primary" size="large" block htmlType="submit" loading={busy} data-testid="dl-submit">
        {t('dl.submit')}
      </Button>
    </Form>
  );
}
