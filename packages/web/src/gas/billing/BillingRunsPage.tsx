import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Input, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { billing, type BillingRun } from '../../api/billing.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai, todayShanghai } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { enterpriseColumn, useEnterpriseNames } from '../../common/enterprises.tsx';
import { useI18n } from '../../i18n/index.tsx';

const STATUS_COLOR: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

const finished = (r: BillingRun | undefined) => r?.status === 'done' || r?.status === 'failed';

/** The month before today's: what a run usually bills. */
function lastMonth(): string {
  const [y, m] = todayShanghai().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** /billing — start a run for a month (G-6.2.3), follow its progress, read its summary and skip reasons. */
export function BillingRunsPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const canRun = user?.role === 'enterprise_admin' || user?.role === 'billing_clerk';
  const regulator = user?.role === 'regulator';
  const names = useEnterpriseNames(regulator);
  const [period, setPeriod] = useState(lastMonth());
  const queries = useQueryClient();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const runs = useQuery({ queryKey: keys.billingRuns, queryFn: billing.runs });

  // The selected run, polled each second while it is queued or running.
  const selectedRun = useQuery({
    queryKey: keys.billingRun(selectedId ?? ''),
    queryFn: () => billing.run(selectedId!),
    enabled: selectedId !== null,
    refetchInterval: (q) => (finished(q.state.data) ? false : 1000),
  });
  const selected = selectedRun.data ?? runs.data?.items.find((r) => r.id === selectedId) ?? null;
  const selectedDone = finished(selectedRun.data);
  useEffect(() => {
    if (selectedDone) void queries.invalidateQueries({ queryKey: keys.billingRuns, exact: true });
  }, [selectedDone, queries]);

  const show = (run: BillingRun) => {
    queries.setQueryData(keys.billingRun(run.id), run);
    setSelectedId(run.id);
  };
  const start = useMutation({
    mutationFn: (p: string) => billing.start(p),
    onSuccess: (run) => {
      show(run);
      message.success(t('bill.started'));
      void queries.invalidateQueries({ queryKey: keys.billingRuns, exact: true });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const resume = useMutation({
    mutationFn: (r: BillingRun) => billing.resume(r.id),
    onSuccess: show,
    onError: (e) => message.error(errorText(e, lang)),
  });

  return (
    <div data-testid="page-billing">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.billing')}</Typography.Title>
        {canRun && (
          <Space>
            <Input
              data-testid="billing-period"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              placeholder="YYYY-MM"
              style={{ width: 190 }}
              addonBefore={t('bill.period')}
            />
            <Button
              type="primary"
              loading={start.isPending}
              onClick={() => start.mutate(period.trim())}
              data-testid="billing-start"
            >
              {t('bill.start')}
            </Button>
          </Space>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('bill.runIntro')}</Typography.Paragraph>
      {selected && <RunCard run={selected} onResume={canRun ? (r) => resume.mutate(r) : undefined} />}
      <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />
      <Card size="small" title={t('bill.runs')}>
        <Table<BillingRun>
          size="small"
          rowKey="id"
          loading={runs.isLoading}
          dataSource={runs.data?.items ?? []}
          pagination={false}
          onRow={(r) => ({ onClick: () => setSelectedId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            ...enterpriseColumn<BillingRun>(t, names, regulator),
            { title: t('bill.period'), dataIndex: 'period' },
            {
              title: t('bill.progress'),
              render: (_: unknown, r) => <StatusTag run={r} />,
            },
            { title: t('bill.total'), dataIndex: 'total', align: 'right' },
            { title: t('bill.billed'), dataIndex: 'billed', align: 'right' },
            { title: t('bill.estimated'), dataIndex: 'estimated', align: 'right' },
            { title: t('bill.skipped'), dataIndex: 'skipped', align: 'right' },
            { title: t('bill.corrected'), dataIndex: 'corrected', align: 'right' },
            {
              title: t('bill.issuedOn'),
              dataIndex: 'createdAt',
              render: (v: string) => formatShanghai(v, false),
            },
          ]}
        />
      </Card>
    </div>
  );
}

function StatusTag({ run }: { run: BillingRun }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[run.status]}>{t(`bill.status.${run.status}`)}</Tag>;
}

function RunCard({ run, onResume }: { run: BillingRun; onResume?: ((r: BillingRun) => void) | undefined }) {
  const { t, lang } = useI18n();
  const percent =
    run.total > 0 ? Math.floor((run.processed / run.total) * 100) : run.status === 'done' ? 100 : 0;
  const reasons = Object.entries(run.reasons).map(([code, n]) => ({
    code,
    n,
    label: run.reasonLabels[code]?.[lang] ?? code,
  }));
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="billing-run"
      data-status={run.status}
      title={
        <Space>
          <span>{run.period}</span>
          <StatusTag run={run} />
          <Typography.Text type="secondary">
            {run.periodFrom} – {run.periodTo}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {run.status === 'failed' && onResume && (
            <Button onClick={() => onResume(run)}>{t('bill.resume')}</Button>
          )}
          <Link to={`/bills?runId=${run.id}`} data-testid="billing-run-bills">
            {t('bill.viewBills')}
          </Link>
        </Space>
      }
    >
      <Progress
        percent={percent}
        status={run.status === 'failed' ? 'exception' : run.status === 'done' ? 'success' : 'active'}
        data-testid="billing-progress"
      />
      {run.error && <Typography.Text type="danger">{run.error}</Typography.Text>}
      <Row gutter={16} style={{ margin: '12px 0' }}>
        {(['total', 'processed', 'billed', 'estimated', 'skipped', 'corrected'] as const).map((k) => (
          <Col key={k} xs={8} md={4}>
            <Statistic title={t(`bill.${k}`)} value={run[k]} />
          </Col>
        ))}
      </Row>
      {reasons.length > 0 && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Table
              size="small"
              title={() => t('bill.reasons')}
              rowKey="code"
              pagination={false}
              dataSource={reasons}
              data-testid="billing-reasons"
              columns={[
                { title: t('bill.reason'), dataIndex: 'label' },
                { title: t('bill.count'), dataIndex: 'n', align: 'right' },
              ]}
            />
          </Col>
          <Col xs={24} md={12}>
            <Table
              size="small"
              title={() => t('bill.samples')}
              rowKey={(s) => `${s.customerId}${s.reason}`}
              pagination={{ pageSize: 8, size: 'small' }}
              dataSource={run.samples}
              columns={[
                { title: t('pay.accountNo'), dataIndex: 'accountNo' },
                {
                  title: t('bill.reason'),
                  render: (_: unknown, s) =>
                    `${run.reasonLabels[s.reason]?.[lang] ?? s.reason}${s.detail ? `（${s.detail}）` : ''}`,
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
