import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, List, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerErrors, ErrorAlert } from '../common/errors.tsx';
import { formatShanghai, pickerToShanghaiIso, todayShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { emergency, emergencyKeys, type Shift } from './emergency.ts';

type Values = {
  kind: Shift['kind'];
  span: [Dayjs, Dayjs];
  staffIds: string[];
  phone: string;
  vehicles?: string[];
  equipment?: string[];
};

/** G-4.2.2, G-5.12.3, H-6.4.3: the week's roster, its gaps, and a form to add a shift. */
export function DutyTab({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [from, setFrom] = useState(todayShanghai());
  const [form] = Form.useForm<Values>();
  const roster = useQuery({
    queryKey: emergencyKeys.roster(from),
    queryFn: () => emergency.roster({ from, days: 7 }),
  });
  const staff = useQuery({ queryKey: ['staff'], queryFn: emergency.staff, enabled: canEdit });
  const add = useMutation({
    mutationFn: (v: Values) =>
      emergency.addShift({
        kind: v.kind,
        startsAt: pickerToShanghaiIso(v.span[0]),
        endsAt: pickerToShanghaiIso(v.span[1]),
        staffIds: v.staffIds ?? [],
        phone: v.phone,
        vehicles: v.vehicles ?? [],
        equipment: v.equipment ?? [],
      }),
    onSuccess: () => {
      message.success(t('em.saved'));
      form.resetFields(['span', 'staffIds']);
      void queries.invalidateQueries({ queryKey: emergencyKeys.all });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['endsAt', 'staffIds']);
      if (text) message.error(text);
    },
  });
  const kindLabel = (k: string) => t(k === 'hotline' ? 'em.kind.hotline' : 'em.kind.rush_repair');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <DatePicker
        value={dayjs(from)}
        onChange={(d) => d && setFrom(d.format('YYYY-MM-DD'))}
        allowClear={false}
      />
      {roster.error ? <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} /> : null}
      <Card size="small" title={t('em.gaps')} data-testid="duty-gaps">
        {roster.data && roster.data.gaps.length === 0 ? (
          <Alert type="success" showIcon message={t('em.noGaps')} />
        ) : (
          <List
            size="small"
            dataSource={roster.data?.gaps ?? []}
            renderItem={(g) => (
              <List.Item>
                <Space wrap>
                  <Tag color="red">{kindLabel(g.kind)}</Tag>
                  {formatShanghai(g.startsAt, false)} – {formatShanghai(g.endsAt, false)}
                  <Tag>{t(g.reason === 'nobody' ? 'em.gap.nobody' : 'em.gap.uncovered')}</Tag>
                  {g.seasonNight ? <Tag color="orange">{t('em.gap.seasonNight')}</Tag> : null}
                  <Tag>{g.clause}</Tag>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Table
        size="small"
        rowKey="id"
        loading={roster.isLoading}
        dataSource={roster.data?.shifts ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('em.kind'), dataIndex: 'kind', render: kindLabel },
          { title: t('em.from'), dataIndex: 'startsAt', render: (v: string) => formatShanghai(v, false) },
          { title: t('em.to'), dataIndex: 'endsAt', render: (v: string) => formatShanghai(v, false) },
          {
            title: t('em.people'),
            render: (_: unknown, s: Shift) => s.people.map((p) => p.name).join('、') || '—',
          },
          { title: t('em.phone'), dataIndex: 'phone' },
          {
            title: t('em.vehicles'),
            render: (_: unknown, s: Shift) => [...s.vehicles, ...s.equipment].join('、'),
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('em.addShift')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => add.mutate(v)}
            initialValues={{ kind: 'rush_repair' }}
          >
            <Form.Item name="kind" label={t('em.kind')} rules={[{ required: true }]}>
              <Select
                data-testid="shift-kind"
                options={[
                  { value: 'hotline', label: t('em.kind.hotline') },
                  { value: 'rush_repair', label: t('em.kind.rush_repair') },
                ]}
              />
            </Form.Item>
            <Form.Item name="span" label={t('em.span')} rules={[{ required: true }]}>
              <DatePicker.RangePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                data-testid="shift-span"
              />
            </Form.Item>
            <Form.Item name="staffIds" label={t('em.people')}>
              <Select
                mode="multiple"
                data-testid="shift-people"
                optionFilterProp="label"
                options={(staff.data?.items ?? [])
                  .filter((s) => s.active)
                  .map((s) => ({ value: s.id, label: `${s.name}（${s.post}）` }))}
              />
            </Form.Item>
            <Form.Item name="phone" label={t('em.phone')} rules={[{ required: true }]}>
              <Input data-testid="shift-phone" />
            </Form.Item>
            <Form.Item name="vehicles" label={t('em.vehicles')}>
              <Select mode="tags" open={false} />
            </Form.Item>
            <Form.Item name="equipment" label={t('em.equipment')}>
              <Select mode="tags" open={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="shift-save">
              {t('em.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
