import { Card, Table, Tag, Typography } from 'antd';
import { formatMinutes } from '@ranre/domain';
import type { Clock } from '../api/workorders.ts';
import { formatShanghai } from '../common/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Countdown } from './Countdown.tsx';
import { pick } from './labels.ts';

const STATE_COLOR: Record<Clock['state'], string> = {
  not_started: 'default',
  running: 'processing',
  paused: 'warning',
  met: 'success',
  breached: 'error',
};

/** Every clock of the order with its state, due, countdown, margin and the explanation of how the due came about. */
export function ClocksCard({ clocks }: { clocks: Clock[] }) {
  const { t, lang } = useI18n();
  const margin = (c: Clock) => {
    if (c.marginMinutes == null) return '—';
    const text = pick(formatMinutes(c.marginMinutes), lang);
    return c.marginMinutes >= 0 ? t('wo.marginLeft', { t: text }) : t('wo.marginOver', { t: text });
  };
  return (
    <Card title={t('wo.clocks')} size="small" data-testid="order-clocks">
      <Table<Clock>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={clocks}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('wo.noClocks') }}
        expandable={{
          expandedRowRender: (c) => (
            <Typography.Paragraph
              style={{ margin: 0, whiteSpace: 'pre-wrap' }}
              data-testid="clock-explanation"
            >
              {pick(c.explanation, lang) || '—'}
            </Typography.Paragraph>
          ),
          defaultExpandAllRows: true,
        }}
        columns={[
          {
            title: t('wo.clock'),
            key: 'label',
            render: (_, c) => (
              <span>
                {pick(c.label, lang) || c.name} <Tag style={{ marginInlineStart: 4 }}>{c.clause}</Tag>
              </span>
            ),
          },
          {
            title: t('wo.clockState'),
            key: 'state',
            render: (_, c) => (
              <Tag color={STATE_COLOR[c.state]} data-testid="clock-state">
                {t(`wo.clock.${c.state}` as MessageKey)}
              </Tag>
            ),
          },
          {
            title: t('wo.due'),
            key: 'due',
            className: 'nowrap',
            render: (_, c) => c.dueText || formatShanghai(c.dueAt, false) || '—',
          },
          {
            title: t('wo.timeLeft'),
            key: 'left',
            render: (_, c) =>
              c.state === 'running' || c.state === 'paused' ? <Countdown dueAt={c.dueAt} /> : '—',
          },
          {
            title: t('wo.used'),
            key: 'used',
            render: (_, c) => (c.minutesUsed == null ? '—' : pick(formatMinutes(c.minutesUsed), lang)),
          },
          { title: t('wo.margin'), key: 'margin', render: (_, c) => margin(c) },
        ]}
      />
    </Card>
  );
}
