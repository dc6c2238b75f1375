import { useState } from 'react';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import type { WorkOrderDetail, WorkOrderEventType } from '../../api/workorders.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CONFIRM_ONLY, needsForm } from './eventFields.ts';
import { EventModal } from './EventModal.tsx';
import { eventLabel, relevantEvents } from './labels.ts';
import type { OrderAction } from './useOrder.ts';

/** The loop's next steps, first; side actions (contact, extend, supervise …) after; ending ones last. */
const PRIMARY: readonly WorkOrderEventType[] = [
  'dispatched',
  'accepted',
  'arrived_on_site',
  'started',
  'completed',
  'feedback_given',
  'return_visited',
  'closed',
  'redispatched',
];
const DANGER: readonly WorkOrderEventType[] = ['returned', 'refused', 'cancelled'];

function order(type: WorkOrderEventType): number {
  if (PRIMARY.includes(type)) return 0;
  if (DANGER.includes(type)) return 2;
  return 1;
}

/** One button per event the server allows this user now (`allowedEvents`). */
export function EventActions({ order: wo, act }: { order: WorkOrderDetail; act: OrderAction }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<WorkOrderEventType | null>(null);
  const [busy, setBusy] = useState<WorkOrderEventType | null>(null);
  const events = relevantEvents(wo.itemCode, wo.allowedEvents).sort((a, b) => order(a) - order(b));

  const direct = async (type: WorkOrderEventType) => {
    setBusy(type);
    try {
      await act({ type });
      message.success(t('wo.done', { action: eventLabel(type, lang) }));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  // What a rule refuses now is said, not offered (e.g. 归档 before the return visit).
  const blocked = (wo.blockedEvents ?? []).map((b) => (
    <Typography.Paragraph
      key={b.type}
      type="secondary"
      data-testid={`blocked-${b.type}`}
      style={{ margin: '4px 0' }}
    >
      {t('wo.blocked', { action: eventLabel(b.type, lang), reason: b.reason[lang] })}
    </Typography.Paragraph>
  ));

  if (events.length === 0)
    return (
      <>
        <Typography.Text type="secondary">{t('wo.noActions')}</Typography.Text>
        {blocked}
      </>
    );

  return (
    <>
      <Space wrap data-testid="order-actions">
        {events.map((type) => {
          const props = {
            'data-testid': `action-${type}`,
            type: PRIMARY.includes(type) ? ('primary' as const) : undefined,
            danger: DANGER.includes(type),
            loading: busy === type,
          };
          if (needsForm(type))
            return (
              <Button key={type} {...props} onClick={() => setOpen(type)}>
                {eventLabel(type, lang)}
              </Button>
            );
          if (CONFIRM_ONLY.includes(type))
            return (
              <Popconfirm
                key={type}
                title={t('wo.confirmAction', { action: eventLabel(type, lang) })}
                onConfirm={() => direct(type)}
                okButtonProps={{ 'data-testid': 'confirm-ok' }}
              >
                <Button {...props}>{eventLabel(type, lang)}</Button>
              </Popconfirm>
            );
          return (
            <Button key={type} {...props} onClick={() => void direct(type)}>
              {eventLabel(type, lang)}
            </Button>
          );
        })}
      </Space>
      {blocked}
      <EventModal type={open} order={wo} act={act} onClose={() => setOpen(null)} />
    </>
  );
}
