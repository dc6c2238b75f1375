import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { http } from '../../api/client.ts';
import { applyServerErrors } from '../../common/errors.tsx';
import { passwordRules } from '../../common/validation.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await http.POST('/api/auth/password', {
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      });
      message.success(t('password.changed'));
      form.resetFields();
      onClose();
    } catch (e) {
      const global = applyServerErrors(form, e, lang, ['currentPassword', 'newPassword'], {
        AUTH_INVALID: 'currentPassword',
        PASSWORD_POLICY: 'newPassword',
      });
      if (global) message.error(global);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('header.changePassword')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.policy')}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
