import { useEffect, useState } from 'react';
import { App, Avatar, Button, Col, Form, Input, Modal, Row, Select, Space, Switch, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { staffApi } from '../../api/platform.ts';
import type { Enterprise, Staff, StaffInput } from '../../api/types.ts';
import { applyServerErrors } from '../../common/errors.tsx';
import { phoneRules } from '../../common/validation.ts';
import { useI18n } from '../../i18n/index.tsx';
import { photoToDataUrl } from './photo.ts';

// `photo` is not a form field: PHOTO_INVALID / PHOTO_TOO_LARGE are shown as a message.
const FIELDS = ['enterpriseId', 'name', 'badgeNo', 'employeeNo', 'post', 'phone', 'active'];

interface Props {
  open: boolean;
  staff?: Staff;
  /** Regulator: pick the enterprise when creating. */
  enterprises?: Enterprise[];
  onClose: () => void;
  onSaved: (s: Staff) => void;
}

type Values = Omit<StaffInput, 'photo'>;

export function StaffForm({ open, staff, enterprises, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Managers normally get the full number; a masked one cannot be edited in place, only replaced.
  const masked = !!staff?.phone?.includes('*');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setPhoto(staff?.photo ?? null);
    form.setFieldsValue(
      staff
        ? {
            name: staff.name,
            badgeNo: staff.badgeNo,
            employeeNo: staff.employeeNo,
            post: staff.post,
            phone: staff.phone && !staff.phone.includes('*') ? staff.phone : undefined,
            active: staff.active,
          }
        : { active: true },
    );
  }, [open, staff, form]);

  const pick = async (file: File) => {
    if (!file.type.startsWith('image/')) {
      message.error(t('staff.photoType'));
      return;
    }
    try {
      const url = await photoToDataUrl(file);
      if (url) setPhoto(url);
      else message.error(t('staff.photoTooLarge'));
    } catch {
      message.error(t('staff.photoType'));
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const phone = v.phone?.trim() || null;
    const body: StaffInput & { version?: number } = { ...v, phone, photo };
    if (staff) {
      delete body.enterpriseId;
      if (masked ? phone === null : phone === staff.phone) delete body.phone;
      body.version = staff.version;
    } else if (phone === null) delete body.phone;
    setBusy(true);
    try {
      const saved = staff ? await staffApi.update(staff.id, body) : await staffApi.create(body);
      message.success(t('common.saved'));
      onSaved(saved);
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
      open={open}
      title={staff ? t('staff.edit') : t('staff.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item label={t('staff.photo')}>
          <Space align="center">
            <Avatar
              shape="square"
              size={72}
              src={photo ?? undefined}
              icon={<UserOutlined />}
              data-testid="staff-photo-preview"
            />
            <Upload accept="image/*" showUploadList={false} beforeUpload={(f) => (void pick(f), false)}>
              <Button icon={<UploadOutlined />}>{t('staff.uploadPhoto')}</Button>
            </Upload>
            {photo ? (
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => setPhoto(null)}>
                {t('staff.removePhoto')}
              </Button>
            ) : null}
          </Space>
        </Form.Item>
        <Row gutter={16}>
          {!staff && enterprises ? (
            <Col xs={24}>
              <Form.Item
                name="enterpriseId"
                label={t('staff.enterprise')}
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
            </Col>
          ) : null}
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('staff.name')} rules={required}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="post" label={t('staff.post')} rules={required}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="badgeNo" label={t('staff.badgeNo')} rules={required}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="employeeNo" label={t('staff.employeeNo')} rules={required}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="phone"
              label={t('staff.phone')}
              extra={masked ? t('staff.phoneKeep', { phone: staff?.phone ?? '' }) : undefined}
              rules={phoneRules(t, false)}
            >
              <Input maxLength={30} inputMode="tel" placeholder={masked ? (staff?.phone ?? '') : undefined} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="active" label={t('staff.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
