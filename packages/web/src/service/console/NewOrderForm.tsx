import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { RefSelectProps } from 'antd/es/select';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { COMPLAINT_CATEGORIES, WORK_ORDER_CHANNELS, type ComplaintCategory } from '@ranre/domain';
import type { Customer360 } from '../../api/customers.ts';
import type { Id } from '../../api/types.ts';
import {
  workOrders,
  type CatalogueItem,
  type WorkOrderChannel,
  type WorkOrderDetail,
} from '../../api/workorders.ts';
import { applyServerErrors } from '../../common/errors.tsx';
import { pickerToShanghaiIso } from '../../common/format.ts';
import { phoneRules } from '../../common/validation.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { complaintCategoryLabel, pick } from '../orders/labels.ts';

interface Values {
  itemCode: string;
  channel: WorkOrderChannel;
  premisesId?: Id;
  callerName: string;
  callerPhone?: string;
  address?: string;
  description: string;
  complaintCategory?: ComplaintCategory;
  safetyAdviceGiven?: boolean;
  receivedAt?: Dayjs;
  externalRef?: string;
}

const FIELDS = [
  'itemCode',
  'channel',
  'callerName',
  'callerPhone',
  'address',
  'description',
  'complaintCategory',
  'externalRef',
  'receivedAt',
];

export interface NewOrderFormHandle {
  focusItem: () => void;
  focusCaller: () => void;
}

/** The intake form (G-5.5.1, G-5.8.1): prefilled from the customer; Ctrl+Enter submits. */
export const NewOrderForm = forwardRef<
  NewOrderFormHandle,
  {
    customer: Customer360 | null;
    callerPhone?: string;
    catalogue: CatalogueItem[];
    onChannel: (c: WorkOrderChannel) => void;
    onCreated: (order: WorkOrderDetail) => void;
  }
>(function NewOrderForm({ customer, callerPhone, catalogue, onChannel, onCreated }, ref) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const itemRef = useRef<RefSelectProps>(null);
  const callerRef = useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const itemCode = Form.useWatch('itemCode', form);
  const channel = Form.useWatch('channel', form);
  const item = catalogue.find((i) => i.code === itemCode);

  useImperativeHandle(ref, () => ({
    focusItem: () => itemRef.current?.focus(),
    focusCaller: () => callerRef.current?.focus(),
  }));

  useEffect(() => {
    const first = customer?.premises[0];
    form.setFieldsValue({
      callerName: customer?.account.name ?? '',
      callerPhone: callerPhone ?? '',
      premisesId: first?.id,
      address: first?.address ?? '',
    });
  }, [customer, callerPhone, form]);

  const groups = useMemo(() => {
    const byCategory = new Map<string, CatalogueItem[]>();
    for (const i of catalogue) byCategory.set(i.category, [...(byCategory.get(i.category) ?? []), i]);
    return [...byCategory].map(([category, items]) => ({
      label: t(`cat.category.${category}` as MessageKey),
      title: category,
      // The words callers use (室温, 不热 …) find the item too.
      options: items.map((i) => ({
        value: i.code,
        label: pick(i.name, lang),
        search: [pick(i.name, lang), i.code, ...(i.keywords ?? [])].join(' ').toLowerCase(),
      })),
    }));
  }, [catalogue, t, lang]);

  // G-6.2.13 (a leak) and G-7.1.10 (a burner failing after a refill): the advice is given while the call is taken.
  const needsAdvice = item?.category === 'emergency' || item?.intakeAdvice !== undefined;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const order = await workOrders.create({
        itemCode: v.itemCode,
        channel: v.channel,
        customerId: customer ? String(customer.account.id) : undefined,
        premisesId: customer && v.premisesId !== undefined ? String(v.premisesId) : undefined,
        callerName: v.callerName.trim(),
        callerPhone: v.callerPhone?.trim() || undefined,
        address: v.address?.trim() || undefined,
        description: v.description.trim(),
        complaintCategory: item?.category === 'complaint' ? v.complaintCategory : undefined,
        safetyAdviceGiven: needsAdvice ? v.safetyAdviceGiven === true : undefined,
        receivedAt:
          v.channel === 'hotline_12345' && v.receivedAt ? pickerToShanghaiIso(v.receivedAt) : undefined,
        externalRef: v.channel === 'hotline_12345' ? v.externalRef?.trim() || undefined : undefined,
      });
      form.resetFields([
        'itemCode',
        'description',
        'complaintCategory',
        'safetyAdviceGiven',
        'receivedAt',
        'externalRef',
      ]);
      onCreated(order);
    } catch (e) {
      setError(applyServerErrors(form, e, lang, FIELDS, { PHONE_INVALID: 'callerPhone' }));
    } finally {
      setBusy(false);
    }
  };

  const maskedPhone = customer?.account.phone;
  return (
    <Card size="small" title={t('console.newOrder')} data-testid="new-order">
      <Form<Values>
        form={form}
        layout="vertical"
        size="middle"
        initialValues={{ channel: 'phone' }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.channel) onChannel(changed.channel);
          if (changed.itemCode) {
            // A heating quality complaint carries its own category (H-7.4.3); the agent may still pick another.
            const chosen = catalogue.find((i) => i.code === changed.itemCode);
            if (chosen?.complaintCategory)
              form.setFieldsValue({
                complaintCategory: chosen.complaintCategory as Values['complaintCategory'],
              });
          }
          if (changed.premisesId !== undefined) {
            const p = customer?.premises.find((x) => x.id === changed.premisesId);
            if (p) form.setFieldsValue({ address: p.address });
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
      >
        <Form.Item
          name="itemCode"
          label={t('wo.item')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            ref={itemRef}
            showSearch
            filterOption={(input, option) =>
              String((option as { search?: string } | undefined)?.search ?? '').includes(
                input.trim().toLowerCase(),
              )
            }
            options={groups}
            placeholder={t('console.pickItem')}
            data-testid="order-item-select"
          />
        </Form.Item>
        {item?.category === 'complaint' ? (
          <Form.Item
            name="complaintCategory"
            label={t('wo.complaintCategory')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="order-complaint-category"
              options={Object.keys(COMPLAINT_CATEGORIES).map((k) => ({
                value: k,
                label: complaintCategoryLabel(k, lang),
              }))}
            />
          </Form.Item>
        ) : null}
        {needsAdvice ? (
          <Form.Item
            name="safetyAdviceGiven"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v: boolean | undefined) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('console.safetyRequired'))),
              },
            ]}
          >
            <Checkbox data-testid="order-safety-advice">
              <Typography.Text type="danger" strong>
                {item?.intakeAdvice ? item.intakeAdvice[lang] : t('console.safetyAdvice')}
              </Typography.Text>
            </Checkbox>
          </Form.Item>
        ) : null}
        <Row gutter={8}>
          <Col span={10}>
            <Form.Item name="channel" label={t('wo.channel')}>
              <Select
                data-testid="order-channel"
                options={WORK_ORDER_CHANNELS.map((c) => ({
                  value: c,
                  label: t(`channel.${c}` as MessageKey),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="callerName"
              label={t('wo.callerName')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input
                ref={(r) => {
                  callerRef.current = r?.input ?? null;
                }}
                data-testid="order-caller-name"
              />
            </Form.Item>
          </Col>
        </Row>
        {channel === 'hotline_12345' ? (
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item
                name="externalRef"
                label={t('console.externalRef')}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="receivedAt" label={t('console.received12345')}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Form.Item
          name="callerPhone"
          label={t('wo.callerPhone')}
          rules={phoneRules(t, false)}
          extra={maskedPhone ? t('console.phoneOnFile', { phone: maskedPhone }) : undefined}
        >
          <Input data-testid="order-caller-phone" inputMode="tel" />
        </Form.Item>
        {customer && customer.premises.length > 1 ? (
          <Form.Item name="premisesId" label={t('console.premisesPick')}>
            <Select options={customer.premises.map((p) => ({ value: p.id, label: p.address }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="address" label={t('wo.address')}>
          <Input data-testid="order-address" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('wo.description')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="order-description" />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={busy}
          block
          data-testid="order-submit"
        >
          {t('console.createOrder')} <Typography.Text className="kbd-hint">Ctrl+Enter</Typography.Text>
        </Button>
      </Form>
    </Card>
  );
});
