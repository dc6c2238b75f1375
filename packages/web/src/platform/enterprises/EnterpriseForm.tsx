import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Col, Form, Input, Modal, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { enterprises } from '../../api/platform.ts';
import { ENTERPRISE_KINDS, type Enterprise, type EnterpriseInput } from '../../api/types.ts';
import { applyServerErrors } from '../../common/errors.tsx';
import { creditCodeRules, phoneRules } from '../../common/validation.ts';
import { useI18n } from '../../i18n/index.tsx';

const FIELDS = [
  'name',
  'kind',
  'creditCode',
  'hotline',
  'supervisionPhone',
  'address',
  'district',
  'servicePoints',
];

interface Props {
  open: boolean;
  /** Edit this enterprise; create a new one when undefined. */
  enterprise?: Enterprise;
  /** Name, kind and credit code are registration data only the regulator changes. */
  regulator: boolean;
  onClose: () => void;
  onSaved: (e: Enterprise) => void;
}

export function EnterpriseForm({ open, enterprise, regulator, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseInput>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (enterprise) form.setFieldsValue(enterprise);
    else form.setFieldsValue({ servicePoints: [] });
  }, [open, enterprise, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: EnterpriseInput = {
      ...v,
      creditCode: v.creditCode.trim().toUpperCase(),
      servicePoints: v.servicePoints ?? [],
    };
    let patch: (Partial<EnterpriseInput> & { version?: number }) | null = null;
    if (enterprise) {
      // PATCH only what changed, so an enterprise admin never sends fields they may not touch (e.g. kind).
      patch = Object.fromEntries(
        Object.entries(body).filter(
          ([k, val]) => JSON.stringify(val) !== JSON.stringify(enterprise[k as keyof EnterpriseInput]),
        ),
      );
      if (Object.keys(patch).length === 0) return onClose();
      patch = { ...patch, version: enterprise.version };
    }
    setBusy(true);
    try {
      const saved = enterprise
        ? await enterprises.update(enterprise.id, patch ?? {})
        : await enterprises.create(body);
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      const global = applyServerErrors(form, e, lang, FIELDS, {
        CREDIT_CODE_INVALID: 'creditCode',
      });
      if (global) message.error(global);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={enterprise ? t('ent.edit') : t('ent.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={720}
      forceRender
      data-testid="enterprise-form"
    >
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="name"
              label={t('ent.name')}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                { min: 2, max: 100, message: t('ent.nameLength') },
              ]}
            >
              <Input maxLength={100} disabled={!regulator} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="kind"
              label={t('ent.kind')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                disabled={!regulator}
                options={ENTERPRISE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="creditCode"
              label={t('ent.creditCode')}
              rules={creditCodeRules(t)}
              normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
            >
              <Input maxLength={18} showCount disabled={!regulator} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="hotline" label={t('ent.hotline')} rules={phoneRules(t)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="supervisionPhone" label={t('ent.supervisionPhone')} rules={phoneRules(t)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="address" label={t('ent.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="district" label={t('ent.district')}>
              <Input maxLength={40} placeholder="张店区" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="servicePoints">
          {(fields, { add, remove }) => (
            <Form.Item label={t('ent.servicePoints')}>
              {fields.map(({ key, name }) => (
                <Space key={key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item
                    name={[name, 'name']}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input placeholder={t('ent.spName')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'address']}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input placeholder={t('ent.spAddress')} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'hours']}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input placeholder={t('ent.spHours')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'takesPayments']}
                    valuePropName="checked"
                    initialValue={true}
                    style={{ marginBottom: 8 }}
                  >
                    <Checkbox data-testid="sp-takes-payments">{t('ent.spTakesPayments')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(name)}
                    aria-label={t('common.delete')}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', address: '', hours: '', takesPayments: true })}
              >
                {t('ent.addServicePoint')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
