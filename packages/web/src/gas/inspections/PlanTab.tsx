import { useState } from 'react';
import {
  App,
  Button,
  Card,
  InputNumber,
  Progress as Bar,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { inspections, type ProgressRow } from '../../api/inspections.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { label } from './labels.ts';

type By = 'community' | 'inspector' | 'enterprise';

/** Plan set-up (G-5.11.1: minimums per class as data, more allowed) and the plan's progress. */
export function PlanTab({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const qc = useQueryClient();
  const regulator = user?.role === 'regulator';
  const manager = user?.role === 'enterprise_admin' || user?.role === 'dispatcher';
  const [by, setBy] = useState<By>(regulator ? 'enterprise' : 'community');
  const [visits, setVisits] = useState<Record<string, number>>({});
  const [picked, setPicked] = useState<string[]>([]);
  const minimums = useQuery({ queryKey: ['inspections', 'minimums'], queryFn: inspections.minimums });
  const staff = useQuery({
    queryKey: ['inspections', 'inspectors'],
    queryFn: inspections.inspectors,
    enabled: manager,
  });
  const plans = useQuery({
    queryKey: ['inspections', 'plans', year],
    queryFn: () => inspections.plans(year),
  });
  const progress = useQuery({
    queryKey: ['inspections', 'progress', year, by],
    queryFn: () => inspections.progress({ year, by }),
  });
  const generate = useMutation({
    mutationFn: () =>
      inspections.generate({
        year,
        visitsPerYear: visits,
        ...(picked.length ? { inspectorIds: picked } : {}),
      }),
    onSuccess: (p) => {
      message.success(
        t('in.generated', { year, visits: p.plannedCount, customers: p.customerCount, routes: p.routes }),
      );
      void qc.invalidateQueries({ queryKey: ['inspections'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const plan = plans.data?.items[0];
  const total = progress.data?.total;
  const pct = (r: { planned: number; done: number }) =>
    r.planned ? Math.round((r.done / r.planned) * 100) : 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <span>{t('in.year')}</span>
        <InputNumber
          data-testid="plan-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
      </Space>
      <ErrorAlert error={plans.error ?? progress.error ?? minimums.error} />
      {manager && !plan ? (
        <Card title={t('in.minimums')} data-testid="plan-setup">
          <Space direction="vertical" style={{ width: '100%' }}>
            {minimums.data?.items.map((m) => (
              <Space key={m.kind} wrap>
                <span style={{ minWidth: 140, display: 'inline-block' }}>{label(t, 'in.kind', m.kind)}</span>
                <InputNumber
                  min={m.visitsPerYear}
                  max={12}
                  value={visits[m.kind] ?? m.visitsPerYear}
                  onChange={(v) => v && setVisits((s) => ({ ...s, [m.kind]: v }))}
                  data-testid={`visits-${m.kind}`}
                />
                <Typography.Text type="secondary">
                  {t('in.perYear')} · {t('in.atLeast', { n: m.visitsPerYear })}（{m.clause}）
                </Typography.Text>
              </Space>
            ))}
            <Select
              mode="multiple"
              style={{ width: '100%', maxWidth: 480 }}
              placeholder={t('in.allInspectors')}
              value={picked}
              onChange={setPicked}
              options={staff.data?.items.map((s) => ({ value: s.id, label: s.displayName }))}
            />
            <Button
              type="primary"
              loading={generate.isPending}
              onClick={() => generate.mutate()}
              data-testid="plan-generate"
            >
              {t('in.generate')}
            </Button>
          </Space>
        </Card>
      ) : null}
      {!plan && !regulator && plans.isSuccess ? (
        <Typography.Text type="secondary">{t('in.noPlan', { year })}</Typography.Text>
      ) : null}
      {plan && !regulator ? (
        <Typography.Text data-testid="plan-info">
          {t('in.planInfo', { year, visits: plan.plannedCount, customers: plan.customerCount })}
        </Typography.Text>
      ) : null}
      <Space wrap>
        <span>{t('in.by')}</span>
        <Segmented
          value={by}
          onChange={(v) => setBy(v as By)}
          options={(['community', 'inspector', 'enterprise'] as const).map((k) => ({
            value: k,
            label: t(`in.by.${k}`),
          }))}
        />
      </Space>
      {total ? (
        <Space wrap size="large" data-testid="progress-total">
          <span>
            {t('in.planned')} {total.planned}
          </span>
          <span>
            {t('in.done')} {total.done}
          </span>
          <span>
            {t('in.outstanding')} {total.outstanding}
          </span>
          <Typography.Text type={total.overdue ? 'danger' : undefined}>
            {t('in.overdue')} {total.overdue}
          </Typography.Text>
          <Bar percent={pct(total)} style={{ width: 200 }} />
        </Space>
      ) : null}
      <Table<ProgressRow>
        size="small"
        rowKey="key"
        loading={progress.isLoading}
        dataSource={progress.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="progress-table"
        columns={[
          { title: t('in.key'), dataIndex: 'key', render: (v: string) => v || '—' },
          { title: t('in.planned'), dataIndex: 'planned' },
          { title: t('in.done'), dataIndex: 'done' },
          { title: t('in.outstanding'), dataIndex: 'outstanding' },
          { title: t('in.due'), dataIndex: 'due' },
          {
            title: t('in.overdue'),
            dataIndex: 'overdue',
            render: (v: number) => <Typography.Text type={v ? 'danger' : undefined}>{v}</Typography.Text>,
          },
          { title: t('in.refused'), dataIndex: 'refused' },
          { title: t('in.notReached'), dataIndex: 'notReached' },
          { title: t('in.rate'), key: 'rate', render: (_: unknown, r) => `${pct(r)}%` },
        ]}
      />
    </Space>
  );
}
