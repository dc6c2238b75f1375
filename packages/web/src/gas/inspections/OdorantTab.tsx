import { Alert, App, Button, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, applyServerErrors } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { networkChecks } from './networkChecks.ts';
import { RoundTag } from './RoundTag.tsx';

type CheckValues = { location: string; measured: number; checkedBy: string; note?: string };
type ThresholdValues = { minMgPerM3: number; source: string };

/** G-6.2.16: the odorant at the network's ends, at least monthly, judged against the threshold in force. */
export function OdorantTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<CheckValues>();
  const [thresholdForm] = Form.useForm<ThresholdValues>();
  const data = useQuery({ queryKey: ['network-checks', 'odorant'], queryFn: networkChecks.odorant });
  const done = () => void qc.invalidateQueries({ queryKey: ['network-checks', 'odorant'] });
  const record = useMutation({
    mutationFn: (v: CheckValues) =>
      networkChecks.recordOdorant({
        location: v.location,
        measuredMgPerM3: v.measured,
        checkedAt: new Date().toISOString(),
        checkedBy: v.checkedBy,
        note: v.note ?? '',
      }),
    onSuccess: () => {
      form.resetFields();
      done();
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['location']);
      if (text) message.error(text);
    },
  });
  const setThreshold = useMutation({
    mutationFn: (v: ThresholdValues) => networkChecks.setThreshold(v),
    onSuccess: () => {
      thresholdForm.resetFields();
      done();
    },
    onError: (e) => {
      const text = applyServerErrors(thresholdForm, e, lang, ['source']);
      if (text) message.error(text);
    },
  });
  const regulator = user?.role === 'regulator';
  const d = data.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={data.error} />
      {d ? (
        <Alert
          type="info"
          showIcon
          message={
            <Space wrap>
              {t('nc.odorantRule')}
              {!regulator ? <RoundTag round={d.round} testId="odorant-round" /> : null}
            </Space>
          }
          description={t('nc.threshold', { min: d.threshold.minMgPerM3, source: d.threshold.source })}
        />
      ) : null}
      {!regulator ? (
        <Form form={form} layout="inline" onFinish={(v) => record.mutate(v)} data-testid="odorant-form">
          <Form.Item name="location" rules={[{ required: true, message: t('nc.required') }]}>
            <Input placeholder={t('nc.location')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="measured" rules={[{ required: true, message: t('nc.required') }]}>
            <InputNumber min={0} max={1000} addonAfter="mg/m³" placeholder={t('nc.measured')} />
          </Form.Item>
          <Form.Item name="checkedBy" rules={[{ required: true, message: t('nc.required') }]}>
            <Input placeholder={t('nc.checkedBy')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('nc.note')} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="odorant-submit">
            {t('nc.record')}
          </Button>
        </Form>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={data.isLoading}
        dataSource={d?.items ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 800 }}
        data-testid="odorant-table"
        locale={{ emptyText: t('nc.noOdorant') }}
        columns={[
          ...(regulator ? [{ title: t('nc.enterprise'), dataIndex: 'enterpriseName', width: 160 }] : []),
          {
            title: t('nc.checkedAt'),
            dataIndex: 'checkedAt',
            width: 140,
            render: (v: string) => formatShanghai(v, false),
          },
          { title: t('nc.location'), dataIndex: 'location', width: 180 },
          {
            title: t('nc.measured'),
            dataIndex: 'measuredMgPerM3',
            width: 110,
            render: (v: number) => `${v} mg/m³`,
          },
          {
            title: t('nc.result'),
            width: 150,
            render: (_, r) => (
              <Space size={2}>
                <Tag color={r.passed ? 'green' : 'red'}>{t(r.passed ? 'nc.pass' : 'nc.fail')}</Tag>
                <span>≥ {r.minMgPerM3}</span>
              </Space>
            ),
          },
          { title: t('nc.checkedBy'), dataIndex: 'checkedBy', width: 120 },
          { title: t('nc.note'), dataIndex: 'note' },
        ]}
      />
      {user?.role === 'enterprise_admin' ? (
        <Form
          form={thresholdForm}
          layout="inline"
          onFinish={(v) => setThreshold.mutate(v)}
          data-testid="threshold-form"
        >
          <Form.Item name="minMgPerM3" rules={[{ required: true, message: t('nc.required') }]}>
            <InputNumber min={1} max={1000} addonAfter="mg/m³" placeholder={t('nc.minimum')} />
          </Form.Item>
          <Form.Item name="source" rules={[{ required: true, message: t('nc.required') }]}>
            <Input placeholder={t('nc.source')} style={{ width: 280 }} />
          </Form.Item>
          <Button htmlType="submit" loading={setThreshold.isPending}>
            {t('nc.setThreshold')}
          </Button>
        </Form>
      ) : null}
    </Space>
  );
}
