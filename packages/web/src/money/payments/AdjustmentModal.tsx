import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { newIdempotencyKey, payments, toFen } from '../../api/payments.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** A signed ledger adjustment with its reason (billing clerk, administrator); audited on the server. */
export function AdjustmentModal(props: {
  customerId: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ amountYuan: number; reason: string }>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    const amountFen = toFen(v.amountYuan);
    if (!amountFen) return;
    setBusy(true);
    setError(null);
    try {
      await payments.adjust(props.customerId, { amountFen, reason: v.reason, idempotencyKey: key });
      setKey(newIdempotencyKey());
      form.resetFields();
      props.onDone();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      onCancel={props.onClose}
      onOk={submit}
      confirmLoading={busy}
      title={t('pay.adjust')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="amountYuan"
          label={t('pay.adjustAmount')}
          extra={t('pay.adjustHint')}
          rules={[
            { required: true },
            {
              validator: (_, v: number) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('pay.amountRequired'))),
            },
          ]}
        >
          <InputNumber<number> precision={2} addonBefore="¥" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pay.adjustReason')}
          rules={[{ required: true, min: 2, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}
