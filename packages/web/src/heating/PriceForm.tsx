import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorText } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { fenFromYuan, heating } from './api.ts';

/** H-7.2.1: a new price for a customer class from an effective date, by area or two-part. */
export function PriceForm({ onSaved }: { onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const method = Form.useWatch('method', form) ?? 'area';
  const yuanRule = { pattern: /^\d+(\.\d{1,2})?$/, message: t('h.yuanInvalid') };

  // The fields' pattern (yuanRule) admits only amounts fenFromYuan reads.
  const fen = (text: string) => fenFromYuan(text) ?? 0;

  const save = async () => {
    const v = await form.validateFields();
    const price =
      v.method === 'area'
        ? { method: 'area' as const, fenPerM2PerSeason: fen(v.area) }
        : { method: 'two_part' as const, baseFenPerM2: fen(v.base), fenPerKwh: fen(v.kwh) };
    try {
      await heating.addPrice({
        customerClass: v.customerClass,
        effectiveFrom: (v.effectiveFrom as Dayjs).format('YYYY-MM-DD'),
        heating: price,
        basis: v.basis ?? '',
        ...(v.announcedOn ? { announcedOn: (v.announcedOn as Dayjs).format('YYYY-MM-DD') } : {}),
      });
      message.success(t('h.saved'));
      setOpen(false);
      form.resetFields();
      onSaved();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="price-new">
        {t('h.newPrice')}
      </Button>
      <Modal open={open} title={t('h.newPrice')} onOk={save} onCancel={() => setOpen(false)} destroyOnClose>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ method: 'area', customerClass: 'heating_resident' }}
        >
          <Form.Item name="customerClass" label={t('h.class')} rules={[{ required: true }]}>
            <Select
              options={(['heating_resident', 'heating_non_resident'] as const).map((c) => ({
                value: c,
                label: t(`h.class.${c}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="method" label={t('h.method')}>
            <Select
              data-testid="price-method"
              options={(['area', 'two_part'] as const).map((m) => ({ value: m, label: t(`h.method.${m}`) }))}
            />
          </Form.Item>
          {method === 'area' ? (
            <Form.Item name="area" label={t('h.yuanPerM2')} rules={[{ required: true }, yuanRule]}>
              <Input data-testid="price-area" addonAfter={t('h.yuanPerM2Unit')} />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="base"
                label={t('h.basePart')}
                rules={[{ required: true }, yuanRule]}
                extra={t('h.baseCap')}
              >
                <Input addonAfter={t('h.yuanPerM2Unit')} />
              </Form.Item>
              <Form.Item name="kwh" label={t('h.meteredPart')} rules={[{ required: true }, yuanRule]}>
                <Input addonAfter={t('h.yuanPerKwh')} />
              </Form.Item>
            </>
          )}
          <Form.Item name="effectiveFrom" label={t('h.effectiveFrom')} rules={[{ required: true }]}>
            <DatePicker data-testid="price-from" />
          </Form.Item>
          <Form.Item name="announcedOn" label={t('h.announcedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="basis" label={t('h.basisPrice')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
