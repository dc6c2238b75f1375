import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert, errorText } from '../common/errors.tsx';
import { formatShanghai, pickerToShanghaiIso } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { outageKeys, outages, type Outage } from './outages-api.ts';

interface FormValues {
  communities: string[];
  startedAt: Dayjs;
  restoredAt?: Dayjs;
  companyCaused: boolean;
  cause: string;
}

/**
 * H-10.5.1, H-3.8: the heating interruptions of the enterprise — start, restore, communities cut off with their
 * heated area from the archive, and whether the company caused it (only those count in the accident rate).
 */
export function OutagesTab({ canWrite }: { canWrite: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [restoring, setRestoring] = useState<Outage | null>(null);
  const [restoreAt, setRestoreAt] = useState<Dayjs | null>(null);
  const [form] = Form.useForm<FormValues>();
  const query = { page, pageSize: 20 };
  const list = useQuery({
    queryKey: outageKeys.list(query),
    queryFn: () => outages.list(query),
    placeholderData: keepPreviousData,
  });
  const communities = useQuery({
    queryKey: outageKeys.communities,
    queryFn: outages.communities,
    enabled: canWrite,
  });

  const done = async (fn: () => Promise<unknown>, msg: 'out.saved' | 'out.restoredDone') => {
    try {
      await fn();
      message.success(t(msg));
      void queries.invalidateQueries({ queryKey: outageKeys.all });
      void queries.invalidateQueries({ queryKey: ['evaluation'] });
      return true;
    } catch (e) {
      message.error(errorText(e, lang));
      return false;
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await done(
      () =>
        outages.record({
          communities: v.communities,
          startedAt: pickerToShanghaiIso(v.startedAt),
          ...(v.restoredAt ? { restoredAt: pickerToShanghaiIso(v.restoredAt) } : {}),
          companyCaused: v.companyCaused,
          cause: v.cause.trim(),
        }),
      'out.saved',
    );
    if (ok) {
      setAdding(false);
      form.resetFields();
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="outages-tab">
      <Typography.Title level={5}>{t('out.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('out.hint')}</Typography.Paragraph>
      {canWrite && (
        <Button type="primary" onClick={() => setAdding(true)} data-testid="outage-add">
          {t('out.add')}
        </Button>
      )}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Outage>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        data-testid="outages-table"
        scroll={{ x: true }}
        locale={{ emptyText: t('out.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('out.communities'), render: (_, o) => o.communities.join('、') },
          { title: t('out.area'), render: (_, o) => t('out.areaValue', { n: o.heatedAreaM2 }) },
          { title: t('out.households'), dataIndex: 'households' },
          { title: t('out.startedAt'), render: (_, o) => formatShanghai(o.startedAt) },
          {
            title: t('out.restoredAt'),
            render: (_, o) =>
              o.restoredAt ? formatShanghai(o.restoredAt) : <Tag color="orange">{t('out.ongoing')}</Tag>,
          },
          { title: t('out.hours'), render: (_, o) => t('out.hoursValue', { n: o.hours }) },
          {
            title: t('out.companyCaused'),
            render: (_, o) => (
              <Tag color={o.companyCaused ? 'red' : 'default'}>
                {t(o.companyCaused ? 'out.companyCausedYes' : 'out.companyCausedNo')}
              </Tag>
            ),
          },
          { title: t('out.cause'), dataIndex: 'cause' },
          ...(canWrite
            ? [
                {
                  key: 'act',
                  render: (_: unknown, o: Outage) =>
                    o.restoredAt ? null : (
                      <Button size="small" onClick={() => setRestoring(o)} data-testid="outage-restore">
                        {t('out.restore')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={adding}
        title={t('out.add')}
        onCancel={() => setAdding(false)}
        onOk={() => void submit()}
        okButtonProps={{ 'data-testid': 'outage-save' } as Record<string, string>}
        destroyOnClose
      >
        <Form form={form} layout="vertical" initialValues={{ companyCaused: true }}>
          <Form.Item
            name="communities"
            label={t('out.communities')}
            extra={t('out.communitiesHint')}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              data-testid="outage-communities"
              loading={communities.isFetching}
              options={(communities.data?.items ?? []).map((c) => ({
                value: c.community,
                label: `${c.community}（${c.households} 户 · ${c.heatedAreaM2} m²）`,
              }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startedAt" label={t('out.startedAt')} rules={[{ required: true }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                data-testid="outage-start"
              />
            </Form.Item>
            <Form.Item name="restoredAt" label={t('out.restoredAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                placeholder={t('out.restoredEmpty')}
                data-testid="outage-restored"
              />
            </Form.Item>
          </Space>
          <Form.Item name="companyCaused" label={t('out.companyCaused')} rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value={true}>{t('out.companyCausedYes')}</Radio>
              <Radio value={false}>{t('out.companyCausedNo')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="cause" label={t('out.cause')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea maxLength={500} data-testid="outage-cause" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={restoring !== null}
        title={t('out.restore')}
        okButtonProps={{ disabled: !restoreAt }}
        onCancel={() => setRestoring(null)}
        onOk={async () => {
          if (!restoring || !restoreAt) return;
          if (
            await done(
              () => outages.restore(restoring.id, pickerToShanghaiIso(restoreAt)),
              'out.restoredDone',
            )
          ) {
            setRestoring(null);
            setRestoreAt(null);
          }
        }}
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={restoreAt}
          onChange={setRestoreAt}
        />
      </Modal>
    </Space>
  );
}
