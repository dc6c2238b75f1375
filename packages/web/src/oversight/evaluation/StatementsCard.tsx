import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { statements, type Statement, type StatementInput } from './statements.ts';

const COLOR: Record<Statement['kind'], string> = {
  self_evaluation: 'blue',
  improvement_plan: 'green',
  remark: 'orange',
  publication: 'purple',
};

/**
 * Under the figures: what the enterprise says of its period (self-evaluation G-12.2/H-10.2, improvement plan
 * H-10.3.8), the regulator's remarks, and the publications (G-12.3, H-10.5.6) with the figures as published.
 */
export function StatementsCard(props: {
  period: string;
  regulator: boolean;
  enterprises: { id: string; name: string }[];
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const key = ['evaluation', 'statements', props.period];
  const list = useQuery({ queryKey: key, queryFn: () => statements.list(props.period) });
  const [form] = Form.useForm<{ kind: StatementInput['kind']; body: string; enterpriseId?: string }>();
  const names = new Map(props.enterprises.map((e) => [e.id, e.name]));
  const done = (text: MessageKey) => {
    message.success(t(text));
    void queries.invalidateQueries({ queryKey: key });
  };
  const add = useMutation({
    mutationFn: (v: { kind: StatementInput['kind']; body: string; enterpriseId?: string }) =>
      statements.add({ period: props.period, ...v }),
    onSuccess: () => {
      form.resetFields(['body']);
      done('ev.st.saved');
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const publish = useMutation({
    mutationFn: () => statements.publish(props.period),
    onSuccess: () => done('ev.st.published'),
    onError: (e) => message.error(errorText(e, lang)),
  });
  const kinds: StatementInput['kind'][] = props.regulator
    ? ['remark']
    : ['self_evaluation', 'improvement_plan'];
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('ev.st.title')}
      data-testid="eval-statements"
      extra={
        <Button onClick={() => publish.mutate()} loading={publish.isPending} data-testid="eval-publish">
          {t(props.regulator ? 'ev.st.publishAll' : 'ev.st.publishOwn')}
        </Button>
      }
    >
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('ev.st.none') }}
        renderItem={(s) => (
          <List.Item data-testid={`eval-statement-${s.kind}`}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={COLOR[s.kind]}>{t(`ev.st.kind.${s.kind}` as MessageKey)}</Tag>
                {s.enterpriseId ? <span>{names.get(s.enterpriseId) ?? ''}</span> : null}
                <Typography.Text type="secondary">
                  {s.authorName} · {formatShanghai(s.createdAt, false)}
                </Typography.Text>
              </Space>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {s.body}
              </Typography.Paragraph>
              {s.kind === 'publication' ? (
                <Typography.Text type="secondary">
                  {t('ev.st.figures', { n: s.figures.length })}
                </Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0] }}
        onFinish={(v) => add.mutate(v)}
        style={{ marginTop: 12 }}
      >
        <Space wrap align="start">
          <Form.Item name="kind" label={t('ev.st.kind')}>
            <Select
              style={{ width: 160 }}
              options={kinds.map((k) => ({ value: k, label: t(`ev.st.kind.${k}` as MessageKey) }))}
            />
          </Form.Item>
          {props.regulator ? (
            <Form.Item
              name="enterpriseId"
              label={t('common.enterprise')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                style={{ width: 240 }}
                options={props.enterprises.map((e) => ({ value: e.id, label: e.name }))}
                data-testid="eval-statement-enterprise"
              />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item
          name="body"
          label={t('ev.st.body')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="eval-statement-body" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="eval-statement-submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
