import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyServerErrors } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import type { Body } from '../../api/contract.ts';
import { metering, meteringKeys } from './api.ts';

const day = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : null);
/** A required date (the form asks for it). */
const on = (d: Dayjs) => d.format('YYYY-MM-DD');
const litres = (v: number | undefined | null) =>
  v === undefined || v === null ? undefined : Math.round(v * 1000);
const fen = (v: number | undefined | null) => (v === undefined || v === null ? null : Math.round(v * 100));

type CreateValues = {
  serialNo: string;
  model?: string;
  manufacturer?: string;
  verifiedOn?: Dayjs;
  nextVerificationDue?: Dayjs;
  replaceBy?: Dayjs;
  remoteReading?: boolean;
  prepaid?: boolean;
  lowBalanceAlarmYuan?: number;
  overdraftLimitYuan?: number;
};

/** Register a meter (in stock); G-6.2.2 dates and prepaid settings. */
export function MeterCreateModal(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queries = useQueryClient();
  const prepaid = Form.useWatch('prepaid', form);
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      metering.createMeter({
        serialNo: v.serialNo,
        model: v.model ?? '',
        manufacturer: v.manufacturer ?? '',
        verifiedOn: day(v.verifiedOn),
        nextVerificationDue: day(v.nextVerificationDue),
        replaceBy: day(v.replaceBy),
        remoteReading: Boolean(v.remoteReading),
        prepaid: Boolean(v.prepaid),
        lowBalanceAlarmFen: fen(v.lowBalanceAlarmYuan),
        overdraftLimitFen: fen(v.overdraftLimitYuan),
      }),
    onSuccess: () => {
      message.success(t('common.saved'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: meteringKeys.meters });
      props.onDone();
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['serialNo', 'nextVerificationDue'], {
        METER_PREPAID_SETTINGS_REQUIRED: 'lowBalanceAlarmYuan',
      });
      if (text) message.error(text);
    },
  });
  const finish = (v: CreateValues) => create.mutate(v);
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

type EventValues = {
  on: Dayjs;
  note?: string;
  customerId?: string;
  reading?: number;
  finalReading?: number;
  newSerialNo?: string;
  newReading?: number;
  reason?: string;
  spareSerialNo?: string;
  agreedMethod?: string;
  passed?: boolean;
  verifiedOn?: Dayjs;
  nextVerificationDue?: Dayjs;
  spareFinalReading?: number;
};

export type EventKind =
  'install' | 'exchange' | 'remove' | 'send_to_verification' | 'return_from_verification' | 'unlock';

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
  const queries = useQueryClient();
  const k = props.kind;
  const save = useMutation({
    mutationFn: (body: Body<'/api/meters/{id}/events'>) => metering.meterEvent(props.meterId, body),
    onSuccess: () => {
      message.success(t('common.saved'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: meteringKeys.meters });
      props.onDone();
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, [
        'on',
        'reading',
        'finalReading',
        'spareSerialNo',
        'spareFinalReading',
      ]);
      if (text) message.error(text);
    },
  });
  const finish = (v: EventValues) => {
    const common = { on: on(v.on), note: v.note ?? '' };
    // The form asks for every number an event needs (rules required); an absent optional register is 0.
    if (k === 'install')
      save.mutate({ kind: k, ...common, customerId: v.customerId!, reading: litres(v.reading) ?? 0 });
    if (k === 'exchange')
      save.mutate({
        kind: k,
        ...common,
        finalReading: litres(v.finalReading)!,
        newSerialNo: v.newSerialNo!,
        newReading: litres(v.newReading) ?? 0,
        reason: v.reason!,
      });
    if (k === 'unlock') save.mutate({ kind: k, ...common });
    if (k === 'remove')
      save.mutate({ kind: k, ...common, finalReading: litres(v.finalReading)!, reason: v.reason! });
    if (k === 'send_to_verification')
      save.mutate({
        kind: k,
        ...common,
        reading: litres(v.reading)!,
        spareSerialNo: v.spareSerialNo || undefined,
        agreedMethod: v.agreedMethod || undefined,
      });
    if (k === 'return_from_verification')
      save.mutate({
        kind: k,
        ...common,
        passed: v.passed !== false,
        verifiedOn: on(v.verifiedOn!),
        nextVerificationDue: on(v.nextVerificationDue!),
        spareFinalReading: litres(v.spareFinalReading),
      });
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
