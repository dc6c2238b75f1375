import { Alert, App, Button, Form, Input, InputNumber, Space, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { patrols, type Coverage, type CoverageBody } from '../../api/patrols.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { applyServerErrors, ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';

/**
 * G-5.3.1, G-6.1.1, G-6.1.3, G-7.1.1: the network's coverage by community with its capacity, stated by the pipeline
 * company's admin (a change is a new statement), read by the regulator across companies.
 */
export function CoverageTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<CoverageBody>();
  const list = useQuery({ queryKey: ['patrols', 'coverage'], queryFn: () => patrols.coverage({}) });
  const save = useMutation({
    mutationFn: (body: CoverageBody) => patrols.stateCoverage(body),
    onSuccess: () => {
      message.success(t('sc.saved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['patrols', 'coverage'] });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['community', 'capacityHouseholds']);
      if (text) message.error(text);
    },
  });
  const regulator = user?.role === 'regulator';
  const canWrite = user?.role === 'enterprise_admin' && user.enterpriseKind === 'pipeline_gas';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('sc.intro')} />
      {canWrite ? (
        <Form
          form={form}
          layout="inline"
          initialValues={{ covered: true, capacityHouseholds: null, district: '', note: '' }}
          onFinish={(v) => save.mutate({ ...v, capacityHouseholds: v.capacityHouseholds ?? null })}
          data-testid="coverage-form"
        >
          <Form.Item name="district" label={t('sc.district')}>
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="community" label={t('sc.community')} rules={[{ required: true }]}>
            <Input style={{ width: 160 }} data-testid="coverage-community" />
          </Form.Item>
          <Form.Item name="covered" label={t('sc.covered')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="capacityHouseholds" label={t('sc.capacity')}>
            <InputNumber min={0} placeholder={t('sc.unlimited')} data-testid="coverage-capacity" />
          </Form.Item>
          <Form.Item name="note" label={t('sc.note')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="coverage-save">
            {t('sc.state')}
          </Button>
        </Form>
      ) : null}
      <ErrorAlert error={list.error} />
      <Table<Coverage>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="coverage-table"
        scroll={{ x: 800 }}
        columns={[
          ...(regulator ? [{ title: t('sc.enterprise'), dataIndex: 'enterpriseName' }] : []),
          { title: t('sc.district'), dataIndex: 'district' },
          { title: t('sc.community'), dataIndex: 'community' },
          {
            title: t('sc.covered'),
            dataIndex: 'covered',
            render: (c: boolean) => <Tag color={c ? 'green' : 'default'}>{c ? t('sc.yes') : t('sc.no')}</Tag>,
          },
          {
            title: t('sc.capacity'),
            dataIndex: 'capacityHouseholds',
            render: (n: number | null) => (n === null ? t('sc.unlimited') : n),
          },
          { title: t('sc.connected'), dataIndex: 'connected' },
          {
            title: t('sc.remaining'),
            dataIndex: 'remaining',
            render: (n: number | null, r) =>
              n === null ? (
                r.covered ? (
                  t('sc.unlimited')
                ) : (
                  '—'
                )
              ) : (
                <Tag color={n > 0 ? 'green' : 'red'}>{n}</Tag>
              ),
          },
          { title: t('sc.note'), dataIndex: 'note' },
          { title: t('sc.statedAt'), dataIndex: 'statedAt', render: (v: string) => formatShanghai(v) },
        ]}
      />
    </Space>
  );
}
