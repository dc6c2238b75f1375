import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { MEDIA, vehicleGas, type Vehicle } from './vehicleGas.ts';

type CylinderValues = { serialNo: string; medium: string; certificateNo: string; expires: Dayjs };
type Values = {
  plate: string;
  ownerName: string;
  ownerPhone: string;
  medium: (typeof MEDIA)[number];
  vehicleType?: string;
  cylinders: CylinderValues[];
};

/**
 * G-8.1.10: a vehicle registered with each on-board cylinder's medium and periodic-inspection certificate, read off
 * the certificate at the pump. Used by the station's filling check (an unknown plate) and the vehicles tab.
 */
export function VehicleForm(props: {
  plate?: string;
  medium?: string;
  onDone: (v: Vehicle) => void;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      vehicleGas.register({
        plate: v.plate,
        ownerName: v.ownerName,
        ownerPhone: v.ownerPhone,
        medium: v.medium,
        ...(v.vehicleType ? { vehicleType: v.vehicleType } : {}),
        cylinders: v.cylinders.map((c) => ({
          serialNo: c.serialNo,
          medium: c.medium as (typeof MEDIA)[number],
          certificateNo: c.certificateNo,
          certificateExpiresOn: c.expires.format('YYYY-MM-DD'),
        })),
      }),
    onSuccess: (v) => {
      message.success(t('vg.registered'));
      props.onDone(v);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const medium = props.medium ?? 'CNG';
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="vg-vehicle-form"
      initialValues={{
        plate: props.plate ?? '',
        medium,
        cylinders: [{ medium }],
      }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="plate" label={t('vg.plate')} rules={required}>
        <Input data-testid="vg-form-plate" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="ownerName" label={t('vg.owner')} rules={required}>
          <Input data-testid="vg-form-owner" />
        </Form.Item>
        <Form.Item name="ownerPhone" label={t('vg.ownerPhone')} rules={required}>
          <Input data-testid="vg-form-phone" />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="medium" label={t('vg.medium')} rules={required}>
          <Select
            style={{ width: 120 }}
            options={MEDIA.map((m) => ({ value: m, label: t(`vg.medium.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="vehicleType" label={t('vg.vehicleType')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.List name="cylinders">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="baseline" data-testid={`vg-form-cylinder-${i}`}>
                <Form.Item name={[f.name, 'serialNo']} label={t('vg.cylinderSerial')} rules={required}>
                  <Input style={{ width: 130 }} data-testid={`vg-form-serial-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'medium']} label={t('vg.cylinderMedium')} rules={required}>
                  <Select style={{ width: 100 }} options={MEDIA.map((m) => ({ value: m, label: m }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'certificateNo']} label={t('vg.certificateNo')} rules={required}>
                  <Input style={{ width: 150 }} data-testid={`vg-form-cert-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'expires']} label={t('vg.certificateExpires')} rules={required}>
                  <DatePicker data-testid={`vg-form-expires-${i}`} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ medium })}>
              {t('vg.addCylinder')}
            </Button>
          </>
        )}
      </Form.List>
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="vg-form-save">
          {t('vg.register')}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
