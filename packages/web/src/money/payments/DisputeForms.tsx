import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Customer } from '../../api/customers.ts';
import { disputes, toFen, type Dispute } from '../../api/payments.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { metering, meteringKeys } from '../../gas/metering/api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Registers a test request (G-6.2.11): who asked, the statutory institution and its fee. */
export function OpenDisputeModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (d: Dispute) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const customerId = customer ? String(customer.id) : '';
  const meters = useQuery({
    queryKey: meteringKeys.meterList({ customerId }),
    queryFn: () => metering.meters({ customerId }),
    enabled: customer !== null,
  });
  const submit = async () => {
    const v = await form.validateFields();
    if (!customer) return setError(t('pay.pickCustomer'));
    setBusy(true);
    setError(null);
    try {
      onDone(
        await disputes.create({
          customerId: String(customer.id),
          meterId: v.meterId,
          requestedOn: day(v.requestedOn),
          requestedBy: v.requestedBy,
          complaint: v.complaint ?? '',
          testInstitution: v.testInstitution,
          testFeeFen: toFen(v.testFeeYuan) ?? 0,
        }),
      );
      form.resetFields();
      setCustomer(null);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      title={t('dsp.open')}
      width={640}
      destroyOnHidden
    >
      {customer ? (
        <Alert
          type="info"
          message={`${customer.name} · ${customer.accountNo} · ${customer.address}`}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <div style={{ marginBottom: 12 }}>
          <CustomerPicker onPick={setCustomer} />
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          requestedOn: dayjs(),
          requestedBy: 'customer',
          testFeeYuan: 80,
          testInstitution: '淄博市计量技术研究院',
        }}
      >
        <Form.Item
          name="meterId"
          label={t('pay.meter')}
          rules={[{ required: true, message: t('pay.meterRequired') }]}
        >
          <Select
            options={(meters.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.serialNo}（${m.installedOn ?? ''}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="requestedOn" label={t('dsp.requestedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="requestedBy" label={t('dsp.requestedBy')}>
          <Radio.Group
            options={[
              { value: 'customer', label: t('dsp.by.customer') },
              { value: 'company', label: t('dsp.by.company') },
            ]}
          />
        </Form.Item>
        <Form.Item name="complaint" label={t('dsp.complaint')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="testInstitution" label={t('dsp.institution')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="testFeeYuan" label={t('dsp.testFee')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} addonBefore="¥" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}

/** Records the test result; the server computes who pays and the compensation and books it (G-6.2.11). */
export function ResultModal({
  dispute,
  onClose,
  onDone,
}: {
  dispute: Dispute | null;
  onClose: () => void;
  onDone: (d: Dispute) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!dispute) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onDone(
        await disputes.result(dispute.id, {
          version: dispute.version,
          testedOn: day(v.testedOn),
          removedOn: v.removedOn ? day(v.removedOn) : undefined,
          errorPercent: v.errorPercent,
          tolerancePercent: v.tolerancePercent,
          priceFenPerM3: v.priceYuan ? (toFen(v.priceYuan) ?? undefined) : undefined,
        }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={dispute !== null}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      title={t('dsp.recordResult')}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('dsp.rule')} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          tolerancePercent: 1.5,
          testedOn: dayjs(),
          removedOn: dispute?.removedOn ? dayjs(dispute.removedOn) : undefined,
        }}
      >
        <Form.Item name="removedOn" label={t('dsp.removedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="testedOn" label={t('dsp.testedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="errorPercent"
          label={t('dsp.errorPercent')}
          extra={t('dsp.errorHint')}
          rules={[{ required: true }]}
        >
          <InputNumber precision={2} step={0.1} addonAfter="%" data-testid="dispute-error" />
        </Form.Item>
        <Form.Item name="tolerancePercent" label={t('dsp.tolerance')} rules={[{ required: true }]}>
          <InputNumber precision={2} min={0.01} step={0.5} addonBefore="±" addonAfter="%" />
        </Form.Item>
        <Form.Item name="priceYuan" label={t('dsp.price')} extra={t('dsp.priceHint')}>
          <InputNumber precision={2} min={0.01} addonBefore="¥" addonAfter="/m³" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}
