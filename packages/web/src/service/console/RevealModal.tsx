import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { customers, type Revealed } from '../../api/customers.ts';
import type { Id } from '../../api/types.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

/**
 * "查看完整信息": the full ID number and phones, for a stated reason that goes into the audit trail
 * (G-5.7.6, H-7.6.6.3).
 */
export function RevealModal(props: {
  customerId: Id | null;
  onClose: () => void;
  onRevealed: (r: Revealed) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    if (props.customerId == null) return;
    setBusy(true);
    setError(null);
    try {
      props.onRevealed(await customers.reveal(props.customerId, reason.trim()));
      form.resetFields();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.customerId != null}
      title={t('console.reveal')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('console.revealOk')}
      okButtonProps={{ loading: busy, 'data-testid': 'reveal-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('console.revealHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('console.revealReason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, message: t('console.revealReasonShort') },
          ]}
        >
          <Input autoFocus maxLength={200} data-testid="reveal-reason" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}
