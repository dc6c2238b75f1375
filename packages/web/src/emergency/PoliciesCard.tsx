import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { enterpriseColumn } from '../common/enterprises.tsx';
import { applyServerErrors } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { yuan } from './ClaimSteps.tsx';
import { insurance, insuranceKeys, type Policy } from './emergency.ts';

type Values = { insurer: string; policyNo: string; cover: string; limitYuan: number; term: [Dayjs, Dayjs] };

/** G-11.1, H-9.1: the enterprise's liability policies (insurer, cover, limit, term), entered as issued. */
export function PoliciesCard(props: { canEdit: boolean; regulator: boolean; names: Map<string, string> }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: insuranceKeys.policies, queryFn: insurance.policies });
  const add = useMutation({
    mutationFn: (v: Values) =>
      insurance.addPolicy({
        insurer: v.insurer,
        policyNo: v.policyNo,
        cover: v.cover,
        limitFen: Math.round(v.limitYuan * 100),
        startsOn: v.term[0].format('YYYY-MM-DD'),
        endsOn: v.term[1].format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      message.success(t('em.saved'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: insuranceKeys.policies });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, []);
      if (text) message.error(text);
    },
  });
  return (
    <Card size="small" title={t('emo.policy.title')}>
      <Table
        size="small"
        rowKey="id"
        data-testid="policies"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          ...enterpriseColumn<Policy>(t, props.names, props.regulator),
          { title: t('emo.policy.insurer'), dataIndex: 'insurer' },
          { title: t('emo.policy.no'), dataIndex: 'policyNo' },
          { title: t('emo.policy.cover'), dataIndex: 'cover' },
          { title: t('emo.policy.limit'), dataIndex: 'limitFen', render: yuan },
          { title: t('emo.policy.term'), render: (_: unknown, p: Policy) => `${p.startsOn} ~ ${p.endsOn}` },
        ]}
      />
      {props.canEdit ? (
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} style={{ marginTop: 12 }}>
          <Space wrap>
            <Form.Item name="insurer" label={t('emo.policy.insurer')} rules={[{ required: true }]}>
              <Input data-testid="policy-insurer" />
            </Form.Item>
            <Form.Item name="policyNo" label={t('emo.policy.no')} rules={[{ required: true }]}>
              <Input data-testid="policy-no" />
            </Form.Item>
            <Form.Item name="cover" label={t('emo.policy.cover')} rules={[{ required: true }]}>
              <Input data-testid="policy-cover" />
            </Form.Item>
            <Form.Item name="limitYuan" label={t('emo.policy.limit')} rules={[{ required: true }]}>
              <InputNumber min={1} addonBefore="¥" data-testid="policy-limit" />
            </Form.Item>
            <Form.Item name="term" label={t('emo.policy.term')} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </Space>
          <Button htmlType="submit" loading={add.isPending} data-testid="policy-save">
            {t('emo.policy.add')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
