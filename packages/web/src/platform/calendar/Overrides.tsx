import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { http, ok } from '../../api/client.ts';
import type { CalendarOverride, OverrideKind } from '../../api/types.ts';
import { applyServerErrors, ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  date: Dayjs;
  kind: OverrideKind;
  note?: string;
}

/** Regulator: local calendar overrides (PUT / DELETE /api/calendar/overrides/:date); `onChanged` invalidates the calendar's keys, this list among them. */
export function Overrides({ onChanged }: { onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const list = useQuery({
    queryKey: [...keys.calendar, 'overrides'],
    queryFn: () => ok(http.GET('/api/calendar/overrides')),
  });

  const add = async (v: Values) => {
    setBusy(true);
    try {
      await http.PUT('/api/calendar/overrides/{date}', {
        params: { path: { date: v.date.format('YYYY-MM-DD') } },
        body: { kind: v.kind, note: (v.note ?? '').trim() },
      });
      message.success(t('common.saved'));
      form.resetFields();
      onChanged();
    } catch (e) {
      const global = applyServerErrors(form, e, lang, ['date', 'kind', 'note']);
      if (global) message.error(global);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (date: string) => {
    try {
      await http.DELETE('/api/calendar/overrides/{date}', { params: { path: { date } } });
      message.success(t('common.deleted'));
      onChanged();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const kindTag = (k: OverrideKind) =>
    k === 'rest' ? <Tag color="green">{t('cal.kindRest')}</Tag> : <Tag color="red">{t('cal.kindWork')}</Tag>;

  return (
    <Card title={t('cal.overrides')} data-testid="calendar-overrides">
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={add}
        initialValues={{ kind: 'rest' }}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item
          name="date"
          label={t('cal.overrideDate')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="kind" label={t('cal.overrideKind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'rest', label: t('cal.kindRest') },
              { value: 'work', label: t('cal.kindWork') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('cal.overrideNote')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input style={{ width: 220 }} maxLength={200} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy}>
            {t('cal.addOverride')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<CalendarOverride>
        size="small"
        rowKey="date"
        loading={list.isFetching}
        dataSource={[...(list.data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date))}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('cal.overrideDate'), dataIndex: 'date' },
          { title: t('cal.overrideKind'), dataIndex: 'kind', render: kindTag },
          { title: t('cal.overrideNote'), dataIndex: 'note' },
          {
            title: t('cal.overrideCreatedAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatShanghai(v),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_, o) => (
              <Popconfirm
                title={t('common.confirmDelete')}
                onConfirm={() => remove(o.date)}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
              >
                <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
