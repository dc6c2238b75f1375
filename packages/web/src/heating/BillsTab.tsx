import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Drawer, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { errorText, ErrorAlert } from '../common/errors.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { heatingKeys, heating, yuan, type Bill, type MeteredSummary, type Run } from './api.ts';
import { BillLines } from './BillLines.tsx';
import { SeasonSelect } from './SeasonSelect.tsx';

const STATUS_COLOR = {
  paid: 'success',
  partly_paid: 'processing',
  unpaid: 'default',
  overdue: 'error',
} as const;

/** Season bills (H-7.2.1): run the season for every heating account, totals, reminders (H-7.2.2), per-bill lines. */
export function BillsTab({ canWrite }: { canWrite: boolean }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [seasonId, setSeasonId] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [lastRun, setLastRun] = useState<Run | null>(null);
  const [open, setOpen] = useState<Bill | null>(null);
  const [metered, setMetered] = useState<MeteredSummary | null>(null);
  const data = useQuery({
    queryKey: heatingKeys.bills(seasonId ?? ''),
    queryFn: () => heating.bills(seasonId!),
    enabled: Boolean(seasonId),
  });
  const rows = useMemo(
    () => (data.data?.bills ?? []).filter((b) => !status || b.status === status),
    [data.data, status],
  );

  const act = async (fn: () => Promise<unknown>, done: (r: never) => string) => {
    setBusy(true);
    try {
      const r = await fn();
      message.success(done(r as never));
      void queryClient.invalidateQueries({ queryKey: heatingKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const run = () =>
    act(
      async () => {
        const r = await heating.runBilling(seasonId!);
        setLastRun(r);
        return r;
      },
      (r: Run) => t('h.runDone', { billed: r.billed, skipped: r.skipped }),
    );
  const settle = () =>
    act(
      async () => {
        const r = await heating.settleMetered(seasonId!);
        setMetered(r);
        return r;
      },
      (r: MeteredSummary) => t('h.meteredDone', { billed: r.billed, amount: yuan(r.amountFen) }),
    );
  const totals = data.data?.totals;
  const summary = lastRun ?? data.data?.runs[0];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <SeasonSelect value={seasonId} onChange={setSeasonId} />
        {canWrite && seasonId && (
          <>
            <Button type="primary" loading={busy} onClick={run} data-testid="bills-run">
              {t('h.runBilling')}
            </Button>
            <Button loading={busy} onClick={settle} data-testid="bills-settle-metered">
              {t('h.settleMetered')}
            </Button>
            <Button
              loading={busy}
              onClick={() =>
                act(
                  () => heating.rewards(seasonId),
                  (r: { rewarded: number }) => t('h.rewarded', { n: r.rewarded }),
                )
              }
            >
              {t('h.bookRewards')}
            </Button>
            <Button
              loading={busy}
              onClick={() =>
                act(
                  () => heating.remind(),
                  (r: { queued: number }) => t('h.reminded', { n: r.queued }),
                )
              }
              data-testid="bills-remind"
            >
              {t('h.sendReminders')}
            </Button>
          </>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('h.billsIntro')}</Typography.Paragraph>
      <ErrorAlert error={data.error} onRetry={data.refetch} />
      {summary && (
        <Card size="small" title={t('h.lastRun')} data-testid="bills-run-summary">
          <Space wrap>
            <Tag color={summary.status === 'done' ? 'success' : 'processing'}>{summary.status}</Tag>
            <span>
              {t('h.runCounts', { total: summary.total, billed: summary.billed, skipped: summary.skipped })}
            </span>
            {Object.entries(summary.summary.byMethod ?? {}).map(([k, n]) => (
              <Tag key={k}>
                {t(`h.method.${k}` as MessageKey)} {n}
              </Tag>
            ))}
            {Object.entries(summary.summary.skipped ?? {})
              .filter(([, n]) => n > 0)
              .map(([k, n]) => (
                <Tag key={k} color="warning">
                  {t(`h.skip.${k}` as MessageKey)} {n}
                </Tag>
              ))}
          </Space>
        </Card>
      )}
      {metered && metered.seasonId === seasonId && (
        <Card size="small" title={t('h.meteredSummary')} data-testid="bills-metered-summary">
          <Space wrap>
            <span>{t('h.meteredCounts', { billed: metered.billed, amount: yuan(metered.amountFen) })}</span>
            {Object.entries(metered.skipped)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => (
                <Tag key={k} color="warning">
                  {t(`h.mskip.${k}` as MessageKey)} {n}
                </Tag>
              ))}
            {metered.sample.map((x) => (
              <Tag key={x.accountNo}>
                {x.accountNo}：{t(`h.mskip.${x.reason}` as MessageKey)}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      {totals && (
        <Row gutter={16}>
          <Col span={4}>
            <Statistic title={t('h.billCount')} value={totals.count} />
          </Col>
          <Col span={5}>
            <Statistic title={t('h.billed')} value={yuan(totals.amountFen)} />
          </Col>
          <Col span={5}>
            <Statistic title={t('h.paid')} value={yuan(totals.paidFen)} />
          </Col>
          <Col span={5}>
            <Statistic title={t('h.rewards')} value={yuan(totals.rewardFen)} />
          </Col>
          <Col span={5}>
            <Statistic
              title={t('h.outstandingOverdue', { n: totals.overdue })}
              value={yuan(totals.outstandingFen)}
              valueStyle={{ color: totals.overdue ? '#cf1322' : undefined }}
            />
          </Col>
        </Row>
      )}
      <Card
        size="small"
        extra={
          <Select
            allowClear
            placeholder={t('h.status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={(['paid', 'partly_paid', 'unpaid', 'overdue'] as const).map((s) => ({
              value: s,
              label: t(`h.status.${s}`),
            }))}
          />
        }
      >
        <Table<Bill>
          size="small"
          rowKey="id"
          loading={data.isFetching}
          dataSource={rows}
          data-testid="bills-table"
          pagination={{ pageSize: 15, showSizeChanger: false }}
          onRow={(b) => ({ onClick: () => setOpen(b), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('h.billNo'), dataIndex: 'billNo' },
            { title: t('h.customer'), render: (_, b) => `${b.customerName}（${b.accountNo}）` },
            { title: t('h.amount'), align: 'right', render: (_, b) => yuan(b.amountFen) },
            { title: t('h.paid'), align: 'right', render: (_, b) => yuan(b.paidFen) },
            {
              title: t('h.reward'),
              align: 'right',
              render: (_, b) => (b.rewardFen ? yuan(b.rewardFen) : ''),
            },
            { title: t('h.outstanding'), align: 'right', render: (_, b) => yuan(b.outstandingFen) },
            {
              title: t('h.status'),
              render: (_, b) => <Tag color={STATUS_COLOR[b.status]}>{t(`h.status.${b.status}`)}</Tag>,
            },
            { title: t('h.reminders'), dataIndex: 'remindersSent', align: 'right' },
            {
              title: t('h.stopHeating'),
              render: (_, b) =>
                b.status === 'overdue' ? (
                  <Tag color={b.stopHeating.allowed ? 'error' : 'default'}>
                    {b.stopHeating.allowed ? t('h.stopAllowed') : t('h.stopNo')}
                  </Tag>
                ) : (
                  ''
                ),
            },
          ]}
        />
      </Card>
      <Drawer open={!!open} onClose={() => setOpen(null)} width={560} title={open?.billNo}>
        {open && <BillLines bill={open} />}
      </Drawer>
    </Space>
  );
}
