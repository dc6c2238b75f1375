import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { users } from '../../api/platform.ts';
import type { Enterprise, Role, User, UserInput } from '../../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { creatableRoles, isRegulator } from '../auth/permissions.ts';
import { applyServerErrors } from '../../common/errors.tsx';
import { passwordRules } from '../../common/validation.ts';
import { useI18n } from '../../i18n/index.tsx';

const FIELDS = ['username', 'displayName', 'role', 'enterpriseId', 'password'];

interface Props {
  open: boolean;
  enterprises: Enterprise[];
  onClose: () => void;
  onSaved: (u: User) => void;
}

export function UserForm({ open, enterprises, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useUser();
  const [form] = Form.useForm<UserInput>();
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form) as Role | undefined;
  const needsEnterprise = isRegulator(me) && role !== undefined && role !== 'regulator';

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: UserInput = { ...v, username: v.username.trim(), displayName: v.displayName.trim() };
    if (!needsEnterprise) delete body.enterpriseId;
    setBusy(true);
    try {
      const u = await users.create(body);
      message.success(t('common.saved'));
      onSaved(u);
    } catch (e) {
      const global = applyServerErrors(form, e, lang, FIELDS, { PASSWORD_POLICY: 'password' });
      if (global) message.error(global);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('user.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={t('user.usernameRule')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/, message: t('user.usernameRule') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('user.role')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={creatableRoles(me).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {needsEnterprise ? (
          <Form.Item
            name="enterpriseId"
            label={t('user.enterprise')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={enterprises
                .filter((e) => e.kind !== 'regulator')
                .map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="password"
          label={t('user.password')}
          extra={t('password.policy')}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
