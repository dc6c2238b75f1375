import { Card, Tag, Timeline, Typography } from 'antd';
import type { WorkOrderEventRow } from '../../api/workorders.ts';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { eventLabel } from './labels.ts';
import { summarisePayload } from './payloadSummary.ts';

const COLOR: Partial<Record<string, string>> = {
  returned: 'red',
  refused: 'red',
  cancelled: 'gray',
  closed: 'green',
  completed: 'green',
  deadline_extended: 'orange',
  supervised: 'orange',
  due_recalculated: 'gold',
};

/** Who did what when (H-3.22): every appended event, oldest first, in Beijing time. */
export function OrderTimeline({ events }: { events: WorkOrderEventRow[] }) {
  const { t, lang } = useI18n();
  return (
    <Card title={t('wo.timeline')} size="small" data-testid="order-timeline">
      <Timeline
        items={events.map((e) => ({
          key: String(e.id),
          color: COLOR[e.type] ?? 'blue',
          children: (
            <div data-testid="timeline-item" data-type={e.type}>
              <div>
                <Typography.Text strong>{eventLabel(e.type, lang)}</Typography.Text>{' '}
                <Typography.Text type="secondary" className="nowrap">
                  {formatShanghai(e.at)}
                </Typography.Text>
              </div>
              <div>
                {e.actorName} <Tag bordered={false}>{t(`role.${e.actorRole}` as MessageKey)}</Tag>
              </div>
              {summarisePayload(e.payload ?? {}, t, lang).map((line, i) => (
                <Typography.Text
                  key={i}
                  type="secondary"
                  style={{ display: 'block', whiteSpace: 'pre-wrap' }}
                >
                  {line}
                </Typography.Text>
              ))}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
