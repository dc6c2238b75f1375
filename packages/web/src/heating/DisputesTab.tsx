import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorText, ErrorAlert } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { heatingKeys, fenFromYuan, heating, yuan, type Dispute } from './api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { SeasonSelect } from './SeasonSelect.tsx';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** H-7.2.4: heat-meter disputes — who pays the test, area billing for a faulty meter and the disputed-days fee. */
export function DisputesTab({ canWrite }: { canWrite: boolean }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const data = useQuery({ queryKey: heatingKeys.disputes, queryFn: () => heating.disputes() });
  const [creating, setCreating] = useState(false);
  const [resolving, setResolving] = useState<Dispute | null>(null);
  const [form] = Form.useForm();
  const [resolveForm] = Form.useForm();

  const create = async () => {
    const v = await form.validateFields();
    try {
      await heating.createDispute({
        customerId: v.customerId,
        seasonId: v.seasonId,
        disputedBy: v.disputedBy,
        disputeFrom: day(v.period[0]),
        disputeTo: day(v.period[1]),
        description: v.description ?? '',
      });
      setCreating(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: heatingKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const resolve = async () => {
    const v = await resolveForm.validateFields();
    try {
      const r = await heating.resolveDispute(resolving!.id, {
        version: resolving!.version,
        result: v.result,
        testedOn: day(v.testedOn),
        testAgency: v.testAgency,
        testFeeFen: fenFromYuan(v.testFee) ?? 0,
      });
      message.success(r.reason[lang]);
      setResolving(null);
      void queryClient.invalidateQueries({ queryKey: heatingKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('h.disputeIntro')}</Typography.Text>
        {canWrite && <Button onClick={() => setCreating(true)}>{t('h.newDispute')}</Button>}
      </Space>
      <ErrorAlert error={data.error} onRetry={data.refetch} />
      <Table<Dispute>
        size="small"
        rowKey="id"
        loading={data.isFetching}
        dataSource={data.data ?? []}
        data-testid="dispute-table"
        pagination={false}
        columns={[
          { title: t('h.customer'), render: (_, d) => `${d.customerName}（${d.accountNo}）` },
          { title: t('h.meter'), dataIndex: 'meterSerial' },
          { title: t('h.disputedBy'), render: (_, d) => t(`h.party.${d.disputedBy}`) },
          { title: t('h.disputePeriod'), render: (_, d) => `${d.disputeFrom} → ${d.disputeTo}` },
          {
            title: t('h.result'),
            render: (_, d) =>
              d.status === 'open' ? (
                <Tag color="processing">{t('h.testing')}</Tag>
              ) : (
                <Tag color={d.testResult === 'failed' ? 'error' : 'success'}>
                  {t(`h.result.${d.testResult ?? 'passed'}`)}
                </Tag>
              ),
          },
          {
            title: t('h.testPaidBy'),
            render: (_, d) => (d.testPaidBy ? `${t(`h.party.${d.testPaidBy}`)} ${yuan(d.testFeeFen)}` : ''),
          },
          {
            title: t('h.areaBilling'),
            render: (_, d) =>
              d.billing === 'area'
                ? t('h.areaFormula', {
                    fee: yuan(d.areaSeasonFeeFen),
                    days: d.disputedDays ?? 0,
                    result: yuan(d.disputedDaysFeeFen),
                  })
                : '',
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  render: (_: unknown, d: Dispute) =>
                    d.status === 'open' && (
                      <Button size="small" onClick={() => setResolving(d)}>
                        {t('h.recordResult')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={creating}
        title={t('h.newDispute')}
        onOk={create}
        onCancel={() => setCreating(false)}
        destroyOnClose
      >
        <Form form={form} layout="vertical" initialValues={{ disputedBy: 'customer' }}>
          <Form.Item name="customerId" label={t('h.customer')} rules={[{ required: true }]}>
            <CustomerPicker />
          </Form.Item>
          <Form.Item name="seasonId" label={t('h.season')} rules={[{ required: true }]}>
            <SeasonSelect
              value={form.getFieldValue('seasonId')}
              onChange={(id) => form.setFieldValue('seasonId', id)}
            />
          </Form.Item>
          <Form.Item name="disputedBy" label={t('h.disputedBy')}>
            <Radio.Group
              options={['customer', 'company'].map((p) => ({
                value: p,
                label: t(`h.party.${p as 'customer'}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t('h.disputePeriod')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="description" label={t('h.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!resolving}
        title={t('h.recordResult')}
        onOk={resolve}
        onCancel={() => setResolving(null)}
        destroyOnClose
      >
        <Form form={resolveForm} layout="vertical" initialValues={{ result: 'passed', testFee: '0' }}>
          <Form.Item name="result" label={t('h.result')}>
            <Radio.Group
              options={['passed', 'failed'].map((r) => ({ value: r, label: t(`h.result.${r as 'passed'}`) }))}
            />
          </Form.Item>
          <Form.Item name="testedOn" label={t('h.testedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="testAgency" label={t('h.testAgency')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="testFee"
            label={t('h.testFee')}
            rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t('h.yuanInvalid') }]}
          >
            <Input addonAfter="元" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
