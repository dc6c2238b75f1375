import { useRef, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Switch, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { workOrders, type WorkOrderDetail } from '../../api/workorders.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad.tsx';
import type { OrderAction } from './useOrder.ts';

interface Values {
  result: string;
  onSite: boolean;
  refused: boolean;
  refusedReason?: string;
}

/**
 * The on-site record (G-5.9.7, H-7.6.5.1): what was done, photos, and the customer's signature — or, when the
 * customer will not sign, the reason, never a blank (G-5.11.8).
 */
export function CompletionForm({ order, act }: { order: WorkOrderDetail; act: OrderAction }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignaturePadHandle>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const photos = useRef<string[]>([]);
  const onSite = Form.useWatch('onSite', form) ?? true;
  const refused = Form.useWatch('refused', form) ?? false;

  const submit = async (v: Values) => {
    setError(null);
    const needsSignature = v.onSite && !v.refused;
    if (needsSignature && (pad.current?.isEmpty() ?? true)) {
      setError(t('wo.signatureRequired'));
      return;
    }
    setBusy(true);
    try {
      const result = v.result.trim();
      const photoAttachmentIds = photos.current.length > 0 ? photos.current : undefined;
      let record: Record<string, unknown>;
      if (needsSignature) {
        const signature = await workOrders.attach(order.id, 'signature', pad.current!.toPng());
        record = { result, onSite: true, signature: true, signatureAttachmentId: String(signature.id) };
      } else if (v.onSite) {
        record = { result, onSite: true, signatureRefusedReason: v.refusedReason?.trim() };
      } else {
        record = { result, onSite: false };
      }
      await act({ type: 'completed', record: { ...record, photoAttachmentIds } });
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
      initialValues={{ onSite: true, refused: false }}
      onFinish={submit}
      data-testid="completion-form"
    >
      <Form.Item
        name="result"
        label={t('wo.result')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="completion-result" />
      </Form.Item>
      <Form.Item name="onSite" label={t('wo.onSite')} valuePropName="checked">
        <Switch data-testid="completion-onsite" />
      </Form.Item>
      <Form.Item label={t('wo.photos')}>
        <PhotoPicker orderId={order.id} onUploaded={(a) => photos.current.push(String(a.id))} />
      </Form.Item>
      {onSite ? (
        <>
          <Form.Item label={t('wo.customerSignature')} hidden={refused}>
            <SignaturePad ref={pad} />
          </Form.Item>
          <Form.Item name="refused" valuePropName="checked">
            <Checkbox data-testid="signature-refused">{t('wo.signatureRefused')}</Checkbox>
          </Form.Item>
          {refused ? (
            <Form.Item
              name="refusedReason"
              label={t('wo.signatureRefusedReason')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea rows={2} maxLength={500} data-testid="signature-refused-reason" />
            </Form.Item>
          ) : null}
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('wo.offSiteHint')}</Typography.Paragraph>
      )}
      {error ? (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="completion-error"
        />
      ) : null}
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        block
        icon={<CheckCircleOutlined />}
        loading={busy}
        data-testid="completion-submit"
      >
        {t('wo.completeSubmit')}
      </Button>
    </Form>
  );
}
