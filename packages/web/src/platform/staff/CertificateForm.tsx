import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { staffApi } from '../../api/platform.ts';
import type { Certificate, CertificateInput, Staff } from '../../api/types.ts';
import { applyServerErrors } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  name: string;
  number: string;
  issuer: string;
  issuedOn: Dayjs;
  expiresOn: Dayjs;
}

const FIELDS = ['name', 'number', 'issuer', 'issuedOn', 'expiresOn'];

export function CertificateForm({
  staff,
  onClose,
  onSaved,
}: {
  staff: Staff | null;
  onClose: () => void;
  onSaved: (c: Certificate) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (staff) form.resetFields();
  }, [staff, form]);

  const submit = async () => {
    if (!staff) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: CertificateInput = {
      name: v.name.trim(),
      number: v.number.trim(),
      issuer: v.issuer.trim(),
      issuedOn: v.issuedOn.format('YYYY-MM-DD'),
      expiresOn: v.expiresOn.format('YYYY-MM-DD'),
    };
    setBusy(true);
    try {
      const c = await staffApi.addCertificate(staff.id, body);
      message.success(t('common.saved'));
      onSaved(c);
    } catch (e) {
      const global = applyServerErrors(form, e, lang, FIELDS);
      if (global) message.error(global);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Modal
      open={staff !== null}
      title={`${t('cert.add')} · ${staff?.name ?? ''}`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('cert.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="number" label={t('cert.number')} rules={required}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="issuer" label={t('cert.issuer')} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="issuedOn"
              label={t('cert.issuedOn')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="expiresOn"
              label={t('cert.expiresOn')}
              dependencies={['issuedOn']}
              rules={[
                { required: true, message: t('common.required') },
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | undefined) => {
                    const issued = getFieldValue('issuedOn') as Dayjs | undefined;
                    return !v || !issued || v.isAfter(issued, 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('cert.expiresBeforeIssued')));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
