import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { Customer360 } from '../../api/customers.ts';
import { workOrders, type WorkOrderChannel, type WorkOrderDetail } from '../../api/workorders.ts';
import { errorText } from '../../common/errors.tsx';
import { phoneRules } from '../../common/validation.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  callerName: string;
  callerPhone?: string;
  description: string;
  to: string;
  contact?: string;
  note?: string;
}

/**
 * G-5.5.2: a matter outside the company is still recorded, and closed by telling the caller who handles it
 * and how to reach them (H-7.4.9.1). One `referral` order, closed at intake.
 */
export function ReferModal(props: {
  open: boolean;
  customer: Customer360 | null;
  channel: WorkOrderChannel;
  onClose: () => void;
  onDone: (order: WorkOrderDetail) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const closed = await workOrders.create({
        itemCode: 'referral',
        channel: props.channel,
        customerId: props.customer?.account.id,
        callerName: v.callerName.trim(),
        callerPhone: v.callerPhone?.trim() || undefined,
        address: props.customer?.premises[0]?.address,
        description: v.description.trim(),
        referral: {
          to: v.to.trim(),
          contact: v.contact?.trim() || undefined,
          note: v.note?.trim() || undefined,
        },
      });
      form.resetFields();
      props.onDone(closed);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('console.refer')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('console.referOk')}
      okButtonProps={{ loading: busy, 'data-testid': 'refer-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('console.referHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ callerName: props.customer?.account.name ?? '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="callerName"
          label={t('wo.callerName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="callerPhone" label={t('wo.callerPhone')} rules={phoneRules(t, false)}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('console.referMatter')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('wo.f.referralTo')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input placeholder={t('console.referToExample')} data-testid="refer-to" />
        </Form.Item>
        <Form.Item name="contact" label={t('wo.f.referralContact')}>
          <Input placeholder="12345" />
        </Form.Item>
        <Form.Item name="note" label={t('wo.f.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}
