import type { ReactNode } from 'react';
import { Card, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { formatMinutes } from '@ranre/domain';
import type { Clock } from '../../api/workorders.ts';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Countdown } from './Countdown.tsx';
import { pick } from './labels.ts';

const STATE_COLOR: Record<Clock['state'], string> = {
  not_started: 'default',
  running: 'processing',
  paused: 'warning',
  met: 'success',
  breached: 'error',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="clock-fact">
      <Typography.Text type="secondary">{label}</Typography.Text> {children}
    </span>
  );
}

/**
 * Every clock of the order (G-5.7.2, H-7.3.9, H-7.4.3 …) with its state, due, countdown, time used, margin and the
 * explanation of how the due came about — so nobody has to reverse-engineer a red dot.
 */
export function ClocksCard({ clocks }: { clocks: Clock[] }) {
  const { t, lang } = useI18n();
  const margin = (c: Clock) => {
    if (c.marginMinutes == null) return '—';
    const text = pick(formatMinutes(c.marginMinutes), lang);
    return c.marginMinutes >= 0 ? t('wo.marginLeft', { t: text }) : t('wo.marginOver', { t: text });
  };
  return (
    <Card title={t('wo.clocks')} size="small" data-testid="order-clocks">
      {clocks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.noClocks')} />
      ) : null}
      {clocks.map((c) => (
        <div key={c.name} className="clock-row" data-testid="clock" data-clock={c.name}>
          <Space wrap size={[12, 4]}>
            <Typography.Text strong>{pick(c.label, lang) || c.name}</Typography.Text>
            <Tag>{c.clause}</Tag>
            <Tag color={STATE_COLOR[c.state]} data-testid="clock-state">
              {t(`wo.clock.${c.state}` as MessageKey)}
            </Tag>
            {c.provisional ? (
              <Tooltip title={t('wo.provisionalHint')}>
                <Tag color="gold" data-testid="clock-provisional">
                  {t('wo.provisional')}
                </Tag>
              </Tooltip>
            ) : null}
          </Space>
          <div className="clock-facts">
            <Fact label={t('wo.due')}>{c.dueText || formatShanghai(c.dueAt, false) || '—'}</Fact>
            {c.state === 'running' || c.state === 'paused' ? (
              <Fact label={t('wo.timeLeft')}>
                <Countdown dueAt={c.dueAt} />
              </Fact>
            ) : null}
            {c.minutesUsed != null ? (
              <Fact label={t('wo.used')}>{pick(formatMinutes(c.minutesUsed), lang)}</Fact>
            ) : null}
            <Fact label={t('wo.margin')}>{margin(c)}</Fact>
          </div>
          {c.explanation ? (
            <Typography.Paragraph
              type="secondary"
              className="clock-explanation"
              data-testid="clock-explanation"
            >
              {pick(c.explanation, lang)}
            </Typography.Paragraph>
          ) : null}
        </div>
      ))}
    </Card>
  );
}
