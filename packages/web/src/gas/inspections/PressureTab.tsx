import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, applyServerErrors, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DrawDrawer } from './DrawDrawer.tsx';
import { networkChecks, type Station } from './networkChecks.ts';
import { RoundTag } from './RoundTag.tsx';

type StationValues = { name: string; gasType: 'natural_gas' | 'lpg'; near: string[]; far: string[] };

/** G-6.2.15: inlet pressure near and far from each regulating station, every two months, at drawn households. */
export function PressureTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<StationValues>();
  const [perSide, setPerSide] = useState(3);
  const [open, setOpen] = useState<string | null>(null);
  const stations = useQuery({ queryKey: ['network-checks', 'stations'], queryFn: networkChecks.stations });
  const draws = useQuery({ queryKey: ['network-checks', 'draws'], queryFn: networkChecks.draws });
  const regulator = user?.role === 'regulator';
  const add = useMutation({
    mutationFn: (v: StationValues) =>
      networkChecks.addStation({
        name: v.name,
        gasType: v.gasType,
        nearCommunities: v.near,
        farCommunities: v.far,
      }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['network-checks'] });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['name']);
      if (text) message.error(text);
    },
  });
  const draw = useMutation({
    mutationFn: (id: string) => networkChecks.draw(id, perSide),
    onSuccess: (d) => {
      setOpen(d.id);
      void qc.invalidateQueries({ queryKey: ['network-checks'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const ranges = stations.data?.ranges ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={t('nc.pressureRule')}
        description={ranges.map((r) => (
          <div key={r.gasType}>
            {t(`nc.gas.${r.gasType}`)}：{t('nc.band', { min: r.minPa / 1000, max: r.maxPa / 1000 })}（
            {r.source[lang]}）
          </div>
        ))}
      />
      <ErrorAlert error={stations.error} />
      <Table<Station>
        rowKey="id"
        size="small"
        loading={stations.isLoading}
        dataSource={stations.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="station-table"
        locale={{ emptyText: t('nc.noStations') }}
        columns={[
          ...(regulator ? [{ title: t('nc.enterprise'), dataIndex: 'enterpriseName', width: 160 }] : []),
          { title: t('nc.station'), dataIndex: 'name', width: 160 },
          {
            title: t('nc.gasType'),
            dataIndex: 'gasType',
            width: 100,
            render: (g: Station['gasType']) => t(`nc.gas.${g}`),
          },
          {
            title: t('nc.position.near'),
            width: 200,
            render: (_, s) => (
              <Space direction="vertical" size={2}>
                <span>{s.nearCommunities.join('、')}</span>
                <RoundTag round={s.near} testId="round-near" />
              </Space>
            ),
          },
          {
            title: t('nc.position.far'),
            width: 200,
            render: (_, s) => (
              <Space direction="vertical" size={2}>
                <span>{s.farCommunities.join('、')}</span>
                <RoundTag round={s.far} testId="round-far" />
              </Space>
            ),
          },
          {
            title: t('nc.lastChecked'),
            dataIndex: 'lastCheckedAt',
            width: 150,
            render: (v: string | null) => formatShanghai(v, false) || '—',
          },
          ...(regulator
            ? []
            : [
                {
                  title: t('nc.drawNow'),
                  width: 120,
                  render: (_: unknown, s: Station) => (
                    <Button
                      size="small"
                      loading={draw.isPending}
                      onClick={() => draw.mutate(s.id)}
                      data-testid="station-draw"
                    >
                      {t('nc.drawNow')}
                    </Button>
                  ),
                },
              ]),
        ]}
      />
      {!regulator ? (
        <Space>
          <span>{t('nc.perSide')}</span>
          <InputNumber min={1} max={50} value={perSide} onChange={(v) => setPerSide(v ?? 1)} />
        </Space>
      ) : null}
      {user?.role === 'enterprise_admin' ? (
        <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} data-testid="station-form">
          <Form.Item name="name" rules={[{ required: true, message: t('nc.required') }]}>
            <Input placeholder={t('nc.station')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="gasType" initialValue="natural_gas">
            <Select
              style={{ width: 120 }}
              options={(['natural_gas', 'lpg'] as const).map((g) => ({ value: g, label: t(`nc.gas.${g}`) }))}
            />
          </Form.Item>
          <Form.Item name="near" rules={[{ required: true, message: t('nc.required') }]}>
            <Select mode="tags" style={{ width: 200 }} placeholder={t('nc.nearCommunities')} open={false} />
          </Form.Item>
          <Form.Item name="far" rules={[{ required: true, message: t('nc.required') }]}>
            <Select mode="tags" style={{ width: 200 }} placeholder={t('nc.farCommunities')} open={false} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('nc.addStation')}
          </Button>
        </Form>
      ) : null}
      <Typography.Title level={5}>{t('nc.draws')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        dataSource={draws.data?.items ?? []}
        pagination={false}
        data-testid="draw-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('nc.noDraws') }}
        columns={[
          { title: t('nc.station'), dataIndex: 'stationName' },
          { title: t('nc.drawnAt'), dataIndex: 'drawnAt', render: (v: string) => formatShanghai(v, false) },
          {
            title: t('nc.progress'),
            render: (_, r) => t('nc.progressText', { checked: r.checked, n: r.households, passed: r.passed }),
          },
        ]}
      />
      {open ? <DrawDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}
