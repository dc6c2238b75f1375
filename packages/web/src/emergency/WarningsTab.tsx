import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
import { applyServerErrors, ErrorAlert, errorText } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { enterpriseColumn, useEnterpriseNames } from '../common/enterprises.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import type { Body } from '../api/contract.ts';
import { warnings, type Warning } from './emergency.ts';

type Values = Omit<Body<'/api/emergency/warnings'>, 'important'> & { important?: boolean };
const KEY = ['emergency', 'warnings'];
const COLORS = ['', 'red', 'orange', 'gold', 'blue'];
const CHANNELS = ['sms', 'wechat', 'web', 'broadcast', 'screen'];

/** G-5.12.6: warnings to the customers of some communities; the level raised or lowered. */
export function WarningsTab({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const regulator = useAuth().user?.role === 'regulator';
  const names = useEnterpriseNames(regulator);
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: KEY, queryFn: warnings.list });
  const publish = useMutation({
    mutationFn: (v: Values) => warnings.publish({ ...v, important: v.important ?? false }),
    onSuccess: () => {
      message.success(t('em.saved'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, []);
      if (text) message.error(text);
    },
  });
  const change = useMutation({
    mutationFn: (a: { id: string; level: number }) => warnings.level(a.id, a.level, t('em.warn.byHand')),
    onSuccess: () => void queries.invalidateQueries({ queryKey: KEY }),
    onError: (e) => message.error(errorText(e, lang)),
  });
  const levelTag = (n: number) => <Tag color={COLORS[n]}>{t(`em.warn.level.${n}` as MessageKey)}</Tag>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          ...enterpriseColumn<Warning>(t, names, regulator),
          { title: t('em.warn.title'), dataIndex: 'title' },
          { title: t('em.warn.level'), render: (_: unknown, w: Warning) => levelTag(w.level) },
          { title: t('em.warn.communities'), render: (_: unknown, w: Warning) => w.communities.join('、') },
          {
            title: t('em.warn.households'),
            render: (_: unknown, w: Warning) => w.levels.reduce((n, l) => n + l.households, 0),
          },
          {
            title: t('em.warn.reported'),
            dataIndex: 'reportedAt',
            render: (v: string | null) => (v ? formatShanghai(v, false) : '—'),
          },
          {
            title: '',
            render: (_: unknown, w: Warning) =>
              canEdit ? (
                <Select
                  size="small"
                  value={w.level}
                  style={{ width: 100 }}
                  onChange={(level) => change.mutate({ id: w.id, level })}
                  options={[1, 2, 3, 4].map((n) => ({
                    value: n,
                    label: t(`em.warn.level.${n}` as MessageKey),
                  }))}
                />
              ) : null,
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('em.warn.add')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => publish.mutate(v)}
            initialValues={{ level: 4, channels: ['sms', 'web'] }}
          >
            <Form.Item name="title" label={t('em.warn.title')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="body" label={t('em.warn.body')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="communities" label={t('em.warn.communities')} rules={[{ required: true }]}>
              <Select mode="tags" open={false} />
            </Form.Item>
            <Form.Item name="channels" label={t('em.warn.channels')} rules={[{ required: true }]}>
              <Checkbox.Group
                options={CHANNELS.map((c) => ({ value: c, label: t(`em.warn.channel.${c}` as MessageKey) }))}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item name="level" label={t('em.warn.level')}>
                <Select
                  style={{ width: 120 }}
                  options={[1, 2, 3, 4].map((n) => ({
                    value: n,
                    label: t(`em.warn.level.${n}` as MessageKey),
                  }))}
                />
              </Form.Item>
              <Form.Item name="important" valuePropName="checked" label=" ">
                <Checkbox>{t('em.warn.important')}</Checkbox>
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={publish.isPending}>
              {t('em.warn.publish')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
