import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerErrors, ErrorAlert, errorText } from '../common/errors.tsx';
import { formatShanghai, pickerToShanghaiIso } from '../common/format.ts';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { enterpriseColumn, useEnterpriseNames } from '../common/enterprises.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { emergency, emergencyKeys, type Incident, type IncidentEvent } from './emergency.ts';
import { IncidentEventForm } from './IncidentEventForm.tsx';

type OpenValues = {
  title: string;
  area: string;
  occurredAt: Dayjs;
  baseLevel: number;
  customersAffected: number;
  flags?: string[];
};
const LEVELS = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];
const levelText = (n: number) => `${LEVELS[n - 1]}级`;

/** G-5.12.7–G-5.12.9: incidents, their level, timeline and aftermath. */
export function IncidentsTab({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const regulator = useAuth().user?.role === 'regulator';
  const names = useEnterpriseNames(regulator);
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<OpenValues>();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({ queryKey: emergencyKeys.incidents, queryFn: emergency.incidents });
  const open = useMutation({
    mutationFn: (v: OpenValues) =>
      emergency.openIncident({
        title: v.title,
        area: v.area,
        occurredAt: pickerToShanghaiIso(v.occurredAt),
        baseLevel: v.baseLevel,
        customersAffected: v.customersAffected,
        keyArea: v.flags?.includes('keyArea') ?? false,
        majorEvent: v.flags?.includes('majorEvent') ?? false,
        sensitive: v.flags?.includes('sensitive') ?? false,
      }),
    onSuccess: (d) => {
      message.success(t('em.saved'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: emergencyKeys.incidents });
      setOpenId(d.id);
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['occurredAt']);
      if (text) message.error(text);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        data-testid="incidents"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          ...enterpriseColumn<Incident>(t, names, regulator),
          { title: t('em.inc.title'), dataIndex: 'title' },
          {
            title: t('em.inc.occurredAt'),
            dataIndex: 'occurredAt',
            render: (v: string) => formatShanghai(v, false),
          },
          {
            title: t('em.inc.level'),
            render: (_: unknown, i: Incident) => (
              <Space>
                <Tag color={i.level <= 2 ? 'red' : 'orange'}>{levelText(i.level)}</Tag>
                {i.raiseReasons.map((r) => (
                  <Tag key={r}>{t(`em.raise.${r}` as MessageKey)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('em.inc.affected'),
            render: (_: unknown, i: Incident) => `${i.customersTold} / ${i.customersAffected}`,
          },
          {
            title: t('em.inc.state'),
            render: (_: unknown, i: Incident) =>
              i.closedAt ? <Tag>{t('em.inc.closed')}</Tag> : <Tag color="blue">{t('em.inc.open')}</Tag>,
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('em.inc.add')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => open.mutate(v)}
            initialValues={{ baseLevel: 4, customersAffected: 0, occurredAt: dayjs() }}
          >
            <Form.Item name="title" label={t('em.inc.title')} rules={[{ required: true }]}>
              <Input data-testid="incident-title" />
            </Form.Item>
            <Form.Item name="area" label={t('em.inc.area')} rules={[{ required: true }]}>
              <Input data-testid="incident-area" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="occurredAt" label={t('em.inc.occurredAt')} rules={[{ required: true }]}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  data-testid="incident-at"
                />
              </Form.Item>
              <Form.Item name="baseLevel" label={t('em.inc.baseLevel')} rules={[{ required: true }]}>
                <Select
                  style={{ minWidth: 100 }}
                  options={[1, 2, 3, 4].map((n) => ({ value: n, label: levelText(n) }))}
                />
              </Form.Item>
              <Form.Item
                name="customersAffected"
                label={t('em.inc.customersAffected')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} data-testid="incident-affected" />
              </Form.Item>
            </Space>
            <Form.Item name="flags" label={t('em.inc.flags')}>
              <Checkbox.Group
                options={['keyArea', 'majorEvent', 'sensitive'].map((k) => ({
                  value: k,
                  label: t(`em.inc.flag.${k}` as MessageKey),
                }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="incident-save">
              {t('em.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        width={Math.min(640, window.innerWidth)}
        title={t('em.inc.detail')}
      >
        {openId ? <IncidentDetail id={openId} canEdit={canEdit} /> : null}
      </Drawer>
    </Space>
  );
}

function IncidentDetail({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const detail = useQuery({ queryKey: emergencyKeys.incident(id), queryFn: () => emergency.incident(id) });
  const act = useMutation({
    mutationFn: (event: IncidentEvent) => emergency.act(id, detail.data!.version, event),
    onSuccess: () => void queries.invalidateQueries({ queryKey: emergencyKeys.incidents }),
    onError: (e) => message.error(errorText(e, lang)),
  });
  const d = detail.data;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!d) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div>
        <b>{d.title}</b> · {d.area} · <Tag color="red">{levelText(d.level)}</Tag>
      </div>
      {d.missingAftermath.length > 0 ? (
        <Tag color="orange">
          {t('em.inc.missing', {
            steps: d.missingAftermath.map((s) => t(`em.ev.${s}` as MessageKey)).join('、'),
          })}
        </Tag>
      ) : null}
      <Timeline
        data-testid="incident-timeline"
        items={d.events.map((e) => ({
          children: (
            <span>
              {formatShanghai(e.at, false)} {t(`em.ev.${e.type}` as MessageKey)} — {e.actorName}{' '}
              {typeof e.data.text === 'string' ? e.data.text : ''}
              {typeof e.data.to === 'string' ? e.data.to : ''}
              {typeof e.data.level === 'number' ? `${levelText(e.data.level)} ` : ''}
              {typeof e.data.reason === 'string' ? e.data.reason : ''}
              {typeof e.data.address === 'string' ? e.data.address : ''}
            </span>
          ),
        }))}
      />
      {canEdit && !d.closedAt ? (
        <IncidentEventForm
          levelText={levelText}
          pending={act.isPending}
          onSubmit={(event, reset) => act.mutate(event, { onSuccess: reset })}
        />
      ) : null}
    </Space>
  );
}
