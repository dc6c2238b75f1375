import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { billing, type BillIdentity } from '../../api/billing.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

/**
 * The regulator sees a bill's figures whole and the household masked (PIPL: minimum necessary). For a case it names,
 * it may see the household; the case goes into the audit trail with the look.
 */
export function BillReveal({ billId }: { billId: string }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useMutation({
    mutationFn: (reason: string) => billing.reveal(billId, reason),
    onSuccess: () => setOpen(false),
  });
  const shown: BillIdentity | undefined = reveal.data;
  return (
    <>
      {shown ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="bill-revealed"
          message={t('bill.revealedAudited')}
          description={
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('bill.f.accountName')}>{shown.accountName}</Descriptions.Item>
              <Descriptions.Item label={t('bill.f.address')}>{shown.address || '—'}</Descriptions.Item>
            </Descriptions>
          }
        />
      ) : (
        <Button onClick={() => setOpen(true)} data-testid="bill-reveal">
          {t('bill.reveal')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('bill.reveal')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('console.revealOk')}
        okButtonProps={{ loading: reveal.isPending, 'data-testid': 'bill-reveal-submit' }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('bill.revealHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => reveal.mutate(v.reason.trim())}>
          <Form.Item
            name="reason"
            label={t('bill.revealReason')}
            rules={[
              { required: true, whitespace: true, message: t('common.required') },
              { min: 4, message: t('bill.revealReasonShort') },
            ]}
          >
            <Input autoFocus maxLength={200} data-testid="bill-reveal-reason" />
          </Form.Item>
        </Form>
        {reveal.error ? <Alert type="error" showIcon message={errorText(reveal.error, lang)} /> : null}
      </Modal>
    </>
  );
}
