import { App, Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, ok } from '../../api/client.ts';
import type { Body } from '../../api/contract.ts';
import { applyServerErrors, ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = { community: string; building: string; day: Dayjs; timeWindow: string };
const WINDOWS = ['09:00-12:00', '14:00-17:00', '18:00-20:00'];

const announcements = {
  list: () => ok(http.GET('/api/inspections/announcements')),
  create: (body: Body<'/api/inspections/announcements'>) =>
    ok(http.POST('/api/inspections/announcements', { body })),
  pdfUrl: (id: string) => `/api/inspections/announcements/${id}/notice.pdf`,
};

/**
 * G-5.11.2: tell a building's households ahead — the day, the window and the inspector with his badge — by SMS
 * (a letter where no phone is on file), and print the notice for the building's hall.
 */
export function AnnounceTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: ['inspections', 'announcements'], queryFn: announcements.list });
  const create = useMutation({
    mutationFn: (v: Values) =>
      announcements.create({
        community: v.community,
        building: v.building ?? '',
        plannedOn: v.day.format('YYYY-MM-DD'),
        timeWindow: v.timeWindow,
      }),
    onSuccess: (r) => {
      message.success(t('an.sent', { n: r.queued }));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['inspections'] });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['community']);
      if (text) message.error(text);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('an.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)} data-testid="announce-form">
        <Form.Item name="community" rules={[{ required: true, message: t('nc.required') }]}>
          <Input placeholder={t('in.community')} style={{ width: 150 }} data-testid="announce-community" />
        </Form.Item>
        <Form.Item name="building">
          <Input placeholder={t('an.building')} style={{ width: 110 }} data-testid="announce-building" />
        </Form.Item>
        <Form.Item name="day" rules={[{ required: true, message: t('nc.required') }]}>
          <DatePicker placeholder={t('an.day')} data-testid="announce-day" />
        </Form.Item>
        <Form.Item name="timeWindow" initialValue={WINDOWS[0]}>
          <Select style={{ width: 140 }} options={WINDOWS.map((w) => ({ value: w, label: w }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="announce-submit">
          {t('an.send')}
        </Button>
      </Form>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 800 }}
        data-testid="announce-table"
        locale={{ emptyText: t('an.none') }}
        columns={[
          { title: t('an.day'), dataIndex: 'plannedOn', width: 110 },
          { title: t('an.window'), dataIndex: 'timeWindow', width: 120 },
          {
            title: t('an.where'),
            width: 180,
            render: (_, a) => `${a.community} ${a.building}`,
          },
          {
            title: t('an.inspector'),
            width: 160,
            render: (_, a) => `${a.inspectorName}（${a.badgeNo}）`,
          },
          { title: t('an.households'), dataIndex: 'households', width: 90 },
          {
            title: t('an.notice'),
            width: 120,
            render: (_, a) => (
              <Button size="small" href={announcements.pdfUrl(a.id)} target="_blank">
                {t('an.print')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
