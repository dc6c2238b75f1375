import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { errorText, ErrorAlert } from '../common/errors.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { heatingKeys, fenFromYuan, heating, yuan, type Refund } from './api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { SeasonSelect } from './SeasonSelect.tsx';

const CAUSES = ['low_temperature', 'suspension', 'meter_dispute', 'overpayment', 'other'] as const;

/** H-5.5.2 / H-7.2.5: refunds after the season with their deadline, overdue flag, and pay or offset. */
export function RefundsTab({ canWrite }: { canWrite: boolean }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const data = useQuery({ queryKey: heatingKeys.refunds, queryFn: () => heating.refunds() });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  const settle = async (r: Refund, method: 'pay' | 'offset') => {
    try {
      await heating.settleRefund(r.id, { version: r.version, method });
      message.success(t('h.saved'));
      void queryClient.invalidateQueries({ queryKey: heatingKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const create = async () => {
    const v = await form.validateFields();
    try {
      await heating.createRefund({
        customerId: v.customerId,
        seasonId: v.seasonId,
        cause: v.cause,
        reason: v.reason ?? '',
        amountFen: fenFromYuan(v.amount) ?? 0,
        committedOn: (v.committedOn as Dayjs).format('YYYY-MM-DD'),
        method: v.method,
      });
      setCreating(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: heatingKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('h.refundIntro')}</Typography.Text>
        {canWrite && <Button onClick={() => setCreating(true)}>{t('h.newRefund')}</Button>}
      </Space>
      <ErrorAlert error={data.error} onRetry={data.refetch} />
      <Table<Refund>
        size="small"
        rowKey="id"
        loading={data.isFetching}
        dataSource={data.data ?? []}
        data-testid="refund-table"
        pagination={false}
        columns={[
          { title: t('h.refundNo'), dataIndex: 'refundNo' },
          { title: t('h.customer'), render: (_, r) => `${r.customerName}（${r.accountNo}）` },
          { title: t('h.period'), dataIndex: 'period' },
          { title: t('h.cause'), render: (_, r) => t(`h.cause.${r.cause}` as MessageKey) },
          { title: t('h.amount'), align: 'right', render: (_, r) => yuan(r.amountFen) },
          { title: t('h.committedOn'), dataIndex: 'committedOn' },
          { title: t('h.latestOn'), dataIndex: 'latestOn' },
          {
            title: t('h.status'),
            render: (_, r) =>
              r.status === 'pending' ? (
                r.overdue ? (
                  <Tag color="error" data-testid="refund-overdue">
                    {t('h.refundOverdue', { days: -r.daysLeft })}
                  </Tag>
                ) : (
                  <Tag color={r.daysLeft <= 7 ? 'warning' : 'processing'}>
                    {t('h.daysLeft', { days: r.daysLeft })}
                  </Tag>
                )
              ) : (
                <Tag color={r.settledLate ? 'warning' : 'success'}>
                  {t(`h.refund.${r.status}`)} {r.settledOn}
                </Tag>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  render: (_: unknown, r: Refund) =>
                    r.status === 'pending' && (
                      <Space>
                        <Popconfirm title={t('h.confirmPay')} onConfirm={() => settle(r, 'pay')}>
                          <Button size="small" data-testid="refund-pay">
                            {t('h.pay')}
                          </Button>
                        </Popconfirm>
                        <Popconfirm title={t('h.confirmOffset')} onConfirm={() => settle(r, 'offset')}>
                          <Button size="small">{t('h.offset')}</Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={creating}
        title={t('h.newRefund')}
        onOk={create}
        onCancel={() => setCreating(false)}
        destroyOnClose
      >
        <Form form={form} layout="vertical" initialValues={{ cause: 'low_temperature', method: 'pay' }}>
          <Form.Item name="customerId" label={t('h.customer')} rules={[{ required: true }]}>
            <CustomerPicker />
          </Form.Item>
          <Form.Item name="seasonId" label={t('h.season')} rules={[{ required: true }]}>
            <SeasonSelect
              value={form.getFieldValue('seasonId')}
              onChange={(id) => form.setFieldValue('seasonId', id)}
            />
          </Form.Item>
          <Form.Item name="cause" label={t('h.cause')}>
            <Select options={CAUSES.map((c) => ({ value: c, label: t(`h.cause.${c}`) }))} />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('h.amount')}
            rules={[{ required: true }, { pattern: /^\d+(\.\d{1,2})?$/, message: t('h.yuanInvalid') }]}
          >
            <Input addonAfter="元" />
          </Form.Item>
          <Form.Item
            name="committedOn"
            label={t('h.committedOn')}
            rules={[{ required: true }]}
            extra={t('h.committedHint')}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="method" label={t('h.method')}>
            <Radio.Group
              options={[
                { value: 'pay', label: t('h.pay') },
                { value: 'offset', label: t('h.offset') },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('h.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
