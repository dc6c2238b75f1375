import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { DispensersTab } from './DispensersTab.tsx';
import { LeaksTab } from './LeaksTab.tsx';
import { VehicleDrawer } from './VehicleDrawer.tsx';
import { VehicleForm } from './VehicleForm.tsx';
import { CERT_COLOR, vehicleGas, vgKeys, type Vehicle } from './vehicleGas.ts';

/** Issue 18, vehicle gas (G-8.1): vehicles, dispensers with due dates, leak cases and the fill log in tabs. */
export function VehicleGasPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'vehicles';
  return (
    <div data-testid="vg-page">
      <Typography.Title level={4}>{t('vg.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'vehicles', label: t('vg.tab.vehicles'), children: <VehiclesTab /> },
          { key: 'dispensers', label: t('vg.tab.dispensers'), children: <DispensersTab /> },
          { key: 'leaks', label: t('vg.tab.leaks'), children: <LeaksTab /> },
          { key: 'log', label: t('vg.tab.log'), children: <LogTab /> },
        ]}
      />
    </div>
  );
}

function VehiclesTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const queries = useQueryClient();
  const [q, setQ] = useState('');
  const [soon, setSoon] = useState(false);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [renewing, setRenewing] = useState<{ vehicle: Vehicle; cylinderId: string; serialNo: string } | null>(
    null,
  );
  const [form] = Form.useForm<{ certificateNo: string; expires: Dayjs }>();
  const query = {
    limit: 100,
    ...(q ? { q } : {}),
    ...(soon ? { certificateBy: dayjs().add(30, 'day').format('YYYY-MM-DD') } : {}),
  };
  const list = useQuery({ queryKey: vgKeys.vehicles(query), queryFn: () => vehicleGas.vehicles(query) });
  const canWrite = user?.role !== 'regulator';
  const renew = useMutation({
    mutationFn: (v: { certificateNo: string; expires: Dayjs }) =>
      vehicleGas.renew(renewing!.vehicle.id, renewing!.cylinderId, {
        certificateNo: v.certificateNo,
        inspectedOn: dayjs().format('YYYY-MM-DD'),
        expiresOn: v.expires.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      setRenewing(null);
      form.resetFields();
      void queries.invalidateQueries({ queryKey: vgKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('vg.vehicles.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('vg.plate')} allowClear onSearch={setQ} style={{ width: 200 }} />
        <Button type={soon ? 'primary' : 'default'} onClick={() => setSoon(!soon)} data-testid="vg-soon">
          {t('vg.vehicles.soon')}
        </Button>
        {canWrite && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="vg-add-vehicle">
            {t('vg.register')}
          </Button>
        )}
      </Space>
      <Table<Vehicle>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        data-testid="vg-vehicles"
        columns={[
          {
            title: t('vg.plate'),
            render: (_, v) => (
              <Typography.Link onClick={() => setOpen(v.id)} data-testid="vg-vehicle-plate">
                {v.plate}
              </Typography.Link>
            ),
          },
          { title: t('vg.medium'), dataIndex: 'medium' },
          { title: t('vg.owner'), render: (_, v) => `${v.ownerName} ${v.ownerPhone}` },
          { title: t('vg.vehicleType'), dataIndex: 'vehicleType' },
          {
            title: t('vg.cylinders'),
            render: (_, v) => (
              <Space direction="vertical" size={2}>
                {v.cylinders.map((c) => (
                  <Space key={c.id} size={4} wrap>
                    <Typography.Text code>{c.serialNo}</Typography.Text>
                    <Tag>{c.medium}</Tag>
                    <Tag color={CERT_COLOR[c.certificateState]}>
                      {c.certificateNo} · {c.certificateExpiresOn}
                    </Tag>
                    {canWrite && (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setRenewing({ vehicle: v, cylinderId: c.id, serialNo: c.serialNo })}
                      >
                        {t('vg.renew')}
                      </Button>
                    )}
                  </Space>
                ))}
              </Space>
            ),
          },
          {
            title: t('vg.leak'),
            render: (_, v) => (v.openLeakCase ? <Tag color="red">{t('vg.leak.open')}</Tag> : null),
          },
        ]}
      />
      <VehicleDrawer id={open} onClose={() => setOpen(null)} />
      <Modal
        open={adding}
        title={t('vg.register')}
        footer={null}
        onCancel={() => setAdding(false)}
        width={760}
      >
        <VehicleForm
          onDone={() => {
            setAdding(false);
            void queries.invalidateQueries({ queryKey: vgKeys.all });
          }}
          onCancel={() => setAdding(false)}
        />
      </Modal>
      <Modal
        open={renewing != null}
        title={`${t('vg.renew')} · ${renewing?.vehicle.plate ?? ''} ${renewing?.serialNo ?? ''}`}
        onCancel={() => setRenewing(null)}
        onOk={() => form.submit()}
        confirmLoading={renew.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => renew.mutate(v)}>
          <Form.Item name="certificateNo" label={t('vg.certificateNo')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="expires" label={t('vg.certificateExpires')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function LogTab() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()]);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), limit: 100 };
  const log = useQuery({ queryKey: vgKeys.log(query), queryFn: () => vehicleGas.log(query) });
  const c = log.data?.counts;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        {c && (
          <Typography.Text data-testid="vg-log-counts">
            {t('vg.count.fills')} {c.fills} · {t('vg.count.leakFree')} {c.leakFree} · {t('vg.count.refused')}{' '}
            {c.refused} · {t('vg.count.reminded')} {c.reminded} · {t('vg.count.unregistered')}{' '}
            {c.unregistered}
          </Typography.Text>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 8 }}>
        {(log.data?.refusalCounts ?? []).map((r) => (
          <Tag color="red" key={r.reason}>
            {t(`vg.reason.${r.reason}` as MessageKey)} {r.n}
          </Tag>
        ))}
      </Space>
      <Typography.Title level={5}>{t('vg.log.checks')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        dataSource={log.data?.checks ?? []}
        pagination={{ pageSize: 10 }}
        scroll={{ x: true }}
        data-testid="vg-log-checks"
        columns={[
          { title: t('vg.time'), render: (_, r) => dayjs(r.checkedAt).format('MM-DD HH:mm') },
          { title: t('vg.plate'), dataIndex: 'plate' },
          { title: t('vg.station'), dataIndex: 'station' },
          { title: t('vg.medium'), dataIndex: 'medium' },
          {
            title: t('vg.outcome'),
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={r.outcome === 'refused' ? 'red' : r.outcome === 'accepted' ? 'green' : 'default'}>
                  {t(`vg.outcome.${r.outcome}` as MessageKey)}
                </Tag>
                {r.reasons.map((x) => (
                  <Tag key={x}>{t(`vg.reason.${x}` as MessageKey)}</Tag>
                ))}
                {r.reminded && <Tag color="orange">{t('vg.count.reminded')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('vg.log.fills')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        dataSource={log.data?.fills ?? []}
        pagination={{ pageSize: 10 }}
        scroll={{ x: true }}
        data-testid="vg-log-fills"
        columns={[
          { title: t('vg.time'), render: (_, r) => dayjs(r.filledAt).format('MM-DD HH:mm') },
          { title: t('vg.plate'), dataIndex: 'plate' },
          { title: t('vg.station'), render: (_, r) => `${r.station} ${r.dispenserNo}${t('vg.dispenserNo')}` },
          { title: t('vg.medium'), dataIndex: 'medium' },
          { title: t('vg.quantity'), render: (_, r) => `${r.quantity} ${r.unit}` },
          {
            title: t('vg.leakCheck'),
            render: (_, r) => (
              <Tag color={r.leakFree ? 'green' : 'red'}>{r.leakFree ? t('vg.leakOk') : t('vg.leakBad')}</Tag>
            ),
          },
          { title: t('vg.attendant'), dataIndex: 'attendantName' },
          {
            title: t('vg.col.receipt'),
            render: (_, r) =>
              r.receipt ? (
                <a href={vehicleGas.receiptPdfUrl(r.id)} target="_blank" rel="noreferrer">
                  {r.receipt.receiptNo} · ¥{(r.receipt.amountFen / 100).toFixed(2)}
                </a>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
