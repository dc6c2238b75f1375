import { App, DatePicker, Form, Input, InputNumber, Modal, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyServerErrors } from '../common/errors.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { metering } from './api.ts';

const day = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : null);
const litres = (v: number | undefined | null) =>
  v === undefined || v === null ? undefined : Math.round(v * 1000);
const fen = (v: number | undefined | null) => (v === undefined || v === null ? null : Math.round(v * 100));

/** Register a meter (in stock); G-6.2.2 dates and prepaid settings. */
export function MeterCreateModal(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const prepaid = Form.useWatch('prepaid', form);
  const finish = async (v: Record<string, unknown>) => {
    try {
      await metering.createMeter({
        serialNo: v.serialNo,
        model: v.model ?? '',
        manufacturer: v.manufacturer ?? '',
        verifiedOn: day(v.verifiedOn as Dayjs),
        nextVerificationDue: day(v.nextVerificationDue as Dayjs),
        replaceBy: day(v.replaceBy as Dayjs),
        remoteReading: Boolean(v.remoteReading),
        prepaid: Boolean(v.prepaid),
        lowBalanceAlarmFen: fen(v.lowBalanceAlarmYuan as number),
        overdraftLimitFen: fen(v.overdraftLimitYuan as number),
      });
      message.success(t('common.saved'));
      form.resetFields();
      props.onDone();
    } catch (e) {
      const text = applyServerErrors(form, e, lang, ['serialNo', 'nextVerificationDue'], {
        METER_PREPAID_SETTINGS_REQUIRED: 'lowBalanceAlarmYuan',
      });
      if (text) message.error(text);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('meter.create')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={finish} data-testid="meter-form">
        <Form.Item name="serialNo" label={t('meter.serialNo')} rules={[{ required: true, min: 3 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="model" label={t('meter.model')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="manufacturer" label={t('meter.manufacturer')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="verifiedOn" label={t('meter.verifiedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="nextVerificationDue" label={t('meter.nextVerificationDue')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="replaceBy" label={t('meter.replaceBy')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="remoteReading" label={t('meter.remote')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="prepaid"
          label={t('meter.prepaid')}
          valuePropName="checked"
          extra={t('meter.prepaidHint')}
        >
          <Switch />
        </Form.Item>
        {prepaid ? (
          <>
            <Form.Item name="lowBalanceAlarmYuan" label={t('meter.alarmYuan')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="overdraftLimitYuan" label={t('meter.overdraftYuan')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

export type EventKind =
  'install' | 'exchange' | 'remove' | 'send_to_verification' | 'return_from_verification';

/** One meter event (G-6.2.2, G-6.2.10): the fields it needs, registers in m³. */
export function MeterEventModal(props: {
  meterId: string;
  kind: EventKind | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const k = props.kind;
  const finish = async (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = { kind: k, on: day(v.on as Dayjs), note: v.note ?? '' };
    if (k === 'install')
      Object.assign(body, { customerId: v.customerId, reading: litres(v.reading as number) ?? 0 });
    if (k === 'exchange')
      Object.assign(body, {
        finalReading: litres(v.finalReading as number),
        newSerialNo: v.newSerialNo,
        newReading: litres(v.newReading as number) ?? 0,
        reason: v.reason,
      });
    if (k === 'remove')
      Object.assign(body, { finalReading: litres(v.finalReading as number), reason: v.reason });
    if (k === 'send_to_verification')
      Object.assign(body, {
        reading: litres(v.reading as number),
        spareSerialNo: v.spareSerialNo || undefined,
        agreedMethod: v.agreedMethod || undefined,
      });
    if (k === 'return_from_verification')
      Object.assign(body, {
        passed: v.passed !== false,
        verifiedOn: day(v.verifiedOn as Dayjs),
        nextVerificationDue: day(v.nextVerificationDue as Dayjs),
        spareFinalReading: litres(v.spareFinalReading as number),
      });
    try {
      await metering.meterEvent(props.meterId, body);
      message.success(t('common.saved'));
      form.resetFields();
      props.onDone();
    } catch (e) {
      const text = applyServerErrors(form, e, lang, [
        'on',
        'reading',
        'finalReading',
        'spareSerialNo',
        'spareFinalReading',
      ]);
      if (text) message.error(text);
    }
  };
  const m3Field = (name: string, label: MessageKey, required = true) => (
    <Form.Item name={name} label={t(label)} rules={[{ required }]}>
      <InputNumber min={0} precision={3} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Modal
      open={k !== null}
      title={k ? t(`meter.event.${k}` as MessageKey) : ''}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={{ passed: true }}
        data-testid="meter-event-form"
      >
        <Form.Item name="on" label={t('meter.on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {k === 'install' ? (
          <>
            <Form.Item name="customerId" label={t('meter.customerId')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            {m3Field('reading', 'meter.openingM3')}
          </>
        ) : null}
        {k === 'exchange' ? (
          <>
            {m3Field('finalReading', 'meter.finalM3')}
            <Form.Item name="newSerialNo" label={t('meter.newSerialNo')} rules={[{ required: true, min: 3 }]}>
              <Input />
            </Form.Item>
            {m3Field('newReading', 'meter.openingM3', false)}
          </>
        ) : null}
        {k === 'remove' ? m3Field('finalReading', 'meter.finalM3') : null}
        {k === 'exchange' || k === 'remove' ? (
          <Form.Item name="reason" label={t('meter.reason')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
        ) : null}
        {k === 'send_to_verification' ? (
          <>
            {m3Field('reading', 'meter.finalM3')}
            <Form.Item name="spareSerialNo" label={t('meter.spareSerialNo')} extra={t('meter.spareHint')}>
              <Input />
            </Form.Item>
            <Form.Item name="agreedMethod" label={t('meter.agreedMethod')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {k === 'return_from_verification' ? (
          <>
            <Form.Item name="passed" label={t('meter.passed')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="verifiedOn" label={t('meter.verifiedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="nextVerificationDue"
              label={t('meter.nextVerificationDue')}
              rules={[{ required: true }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            {m3Field('spareFinalReading', 'meter.spareFinalM3', false)}
          </>
        ) : null}
        <Form.Item name="note" label={t('meter.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
