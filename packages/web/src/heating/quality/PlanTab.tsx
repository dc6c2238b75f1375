import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  InputNumber,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText, ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { qualityKeys, quality, type QuotaRow, type SampleHousehold } from './api.ts';
import { valueLabel } from './labels.ts';

/** H-5.4.2–H-5.4.4: the season's sampling plan, its quota table and shortfalls, and who measures when. */
export function PlanTab({ canPlan }: { canPlan: boolean }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const current = useQuery({ queryKey: qualityKeys.current, queryFn: () => quality.current() });
  const plan = current.data?.plan ?? null;
  const households = useQuery({
    queryKey: qualityKeys.households(plan?.id ?? ''),
    queryFn: () => quality.households(plan!.id),
    enabled: Boolean(plan),
  });
  const measurers = useQuery({
    queryKey: qualityKeys.measurers,
    queryFn: () => quality.measurers(),
    enabled: canPlan,
  });
  const [size, setSize] = useState<number | null>(60);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [measurer, setMeasurer] = useState<string>();
  const [perDay, setPerDay] = useState<number | null>(4);

  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    try {
      message.success(await fn());
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const make = () =>
    run(async () => {
      const p = await quality.createPlan(size ?? 0);
      void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
      return t('q.planMade', { n: p.selectedCount });
    });
  const confirmMake = () => (plan ? modal.confirm({ title: t('q.remakeConfirm'), onOk: make }) : void make());
  const assign = () =>
    run(async () => {
      const r = await quality.assign(plan!.id, {
        householdIds: selected,
        assignedOn: date!.format('YYYY-MM-DD'),
        measurerId: measurer!,
      });
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
      return t('q.assigned', { n: r.updated });
    });
  const autoAssign = () =>
    run(async () => {
      const r = await quality.autoAssign(plan!.id, {
        measurerIds: measurer ? [measurer] : (measurers.data?.items ?? []).map((m) => m.id),
        startOn: date!.format('YYYY-MM-DD'),
        perDay: perDay ?? 1,
      });
      void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
      return t('q.assigned', { n: r.updated });
    });

  const quotaRows = useMemo(
    () => (plan?.quotas ?? []).map((q) => ({ ...q, key: `${q.dimension}-${q.value}` })),
    [plan],
  );
  if (current.isFetching && !current.data) return <Spin style={{ display: 'block', margin: 40 }} />;
  if (current.error) return <ErrorAlert error={current.error} onRetry={current.refetch} />;
  const season = current.data?.season;
  if (!season) return <Alert type="warning" showIcon message={t('q.noSeason')} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="quality-plan">
      <Card size="small">
        <Space wrap>
          <Typography.Text strong>
            {t('q.season')}：{season.period}（{season.area}，{season.startsOn} – {season.endsOn}）
          </Typography.Text>
          {canPlan ? (
            <>
              <InputNumber
                min={1}
                max={100000}
                value={size}
                onChange={setSize}
                addonBefore={t('q.size')}
                data-testid="plan-size"
              />
              <Button
                type="primary"
                loading={busy}
                onClick={confirmMake}
                disabled={!size}
                data-testid="plan-make"
              >
                {t('q.makePlan')}
              </Button>
            </>
          ) : null}
        </Space>
      </Card>
      {!plan ? (
        <Empty description={t('q.noPlan')} />
      ) : (
        <>
          <Card size="small" title={t('q.quotaTable')} data-testid="quota-table">
            <Typography.Paragraph type="secondary">
              {t('q.population', { n: plan.populationCount, x: plan.excludedLastSeason })}
            </Typography.Paragraph>
            <Table<QuotaRow & { key: string }>
              size="small"
              pagination={false}
              dataSource={quotaRows}
              columns={[
                {
                  title: t('q.dimension'),
                  dataIndex: 'dimension',
                  render: (d: string) => t(`q.dim.${d}` as MessageKey),
                },
                { title: t('q.value'), render: (_: unknown, r) => valueLabel(t, r) },
                { title: t('q.target'), dataIndex: 'target', align: 'right' },
                {
                  title: t('q.achieved'),
                  align: 'right',
                  render: (_: unknown, r) => (
                    <Typography.Text
                      type={r.achieved < r.target ? 'danger' : undefined}
                      strong={r.achieved < r.target}
                    >
                      {r.achieved}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            {plan.shortfalls.length > 0 ? (
              <Alert
                style={{ marginTop: 12 }}
                type="error"
                showIcon
                data-testid="plan-shortfalls"
                message={t('q.shortfalls')}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {plan.shortfalls.map((s) => (
                      <li key={`${s.dimension}-${s.value}`}>{lang === 'zh' ? s.zh : s.en}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert style={{ marginTop: 12 }} type="success" showIcon message={t('q.noShortfall')} />
            )}
          </Card>
          <Card
            size="small"
            title={`${t('q.households')}（${households.data?.total ?? 0}）`}
            extra={
              canPlan ? (
                <Space wrap>
                  <DatePicker value={date} onChange={setDate} placeholder={t('q.startOn')} />
                  <Select
                    allowClear
                    style={{ width: 140 }}
                    placeholder={t('q.measurer')}
                    value={measurer}
                    onChange={setMeasurer}
                    options={(measurers.data?.items ?? []).map((m) => ({
                      value: m.id,
                      label: m.displayName,
                    }))}
                  />
                  <Button disabled={!selected.length || !measurer || !date} loading={busy} onClick={assign}>
                    {t('q.assignSelected', { n: selected.length })}
                  </Button>
                  <InputNumber
                    min={1}
                    max={50}
                    value={perDay}
                    onChange={setPerDay}
                    addonBefore={t('q.perDay')}
                    style={{ width: 150 }}
                  />
                  <Button disabled={!date} loading={busy} onClick={autoAssign}>
                    {t('q.autoAssign')}
                  </Button>
                </Space>
              ) : null
            }
          >
            <Table<SampleHousehold>
              size="small"
              rowKey="id"
              loading={households.isFetching}
              dataSource={households.data?.items ?? []}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              rowSelection={
                canPlan
                  ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }
                  : undefined
              }
              scroll={{ x: 900 }}
              columns={[
                { title: t('q.address'), dataIndex: 'address' },
                { title: t('q.customer'), dataIndex: 'customerName', width: 100 },
                {
                  title: t('q.dim.networkPosition'),
                  dataIndex: 'networkPosition',
                  width: 80,
                  render: (v: string) => t(`q.v.${v}` as MessageKey),
                },
                {
                  title: t('q.dim.orientation'),
                  dataIndex: 'orientation',
                  width: 70,
                  render: (v: string) => t(`q.v.${v}` as MessageKey),
                },
                {
                  title: t('q.floor'),
                  width: 110,
                  render: (_: unknown, h) =>
                    `${h.floor}/${h.buildingFloors} ${valueLabel(t, { dimension: 'floorBand', value: h.floorBand })}`,
                },
                {
                  title: t('q.assignedOn'),
                  dataIndex: 'assignedOn',
                  width: 110,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('q.measurer'),
                  dataIndex: 'measurerName',
                  width: 90,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('q.status'),
                  dataIndex: 'status',
                  width: 80,
                  render: (v: string) => (
                    <Tag color={v === 'measured' ? 'green' : 'default'}>
                      {t(`q.status.${v}` as MessageKey)}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
