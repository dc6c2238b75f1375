import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { WorkOrderDetail } from '../../api/workorders.ts';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Countdown } from './Countdown.tsx';
import { complaintCategoryLabel, pick } from './labels.ts';
import { RepeatNotice } from './RepeatNotice.tsx';
import { StateTag } from './StateTag.tsx';

/** State, item, customer, people and times of one order. */
export function OrderHeader({ order }: { order: WorkOrderDetail }) {
  const { t, lang } = useI18n();
  const c = order.complaint;
  // Say the due as its clock does ("2026-11-30 24:00" rather than "2026-12-01 00:00").
  const nextClock = order.clocks.find(
    (k) => k.dueAt && order.nextDueAt && Date.parse(k.dueAt) === Date.parse(order.nextDueAt),
  );
  const nextDueText = nextClock?.dueText || formatShanghai(order.nextDueAt, false);
  const items = [
    { key: 'state', label: t('wo.state'), children: <StateTag state={order.state} /> },
    {
      key: 'item',
      label: t('wo.item'),
      children: (
        <span data-testid="order-item">
          {pick(order.itemName, lang) || order.itemCode}
          {order.isComplaint ? (
            <Tag color="magenta" style={{ marginInlineStart: 6 }}>
              {t('wo.complaint')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'channel',
      label: t('wo.channel'),
      children: order.externalRef
        ? `${t(`channel.${order.channel}` as MessageKey)} · ${order.externalRef}`
        : t(`channel.${order.channel}` as MessageKey),
    },
    { key: 'customer', label: t('wo.customer'), children: order.customerName || t('wo.noCustomerRecord') },
    {
      key: 'caller',
      label: t('wo.caller'),
      children: [order.callerName, order.callerPhone].filter(Boolean).join(' · '),
    },
    { key: 'address', label: t('wo.address'), children: order.address || '—' },
    { key: 'owner', label: t('wo.owner'), children: order.ownerName || '—' },
    { key: 'assignee', label: t('wo.assignee'), children: order.assigneeName || '—' },
    { key: 'received', label: t('wo.receivedAt'), children: formatShanghai(order.receivedAt) },
    {
      key: 'next',
      label: t('wo.nextDue'),
      children: order.nextDueAt ? (
        <Space size={6} wrap>
          <span>{nextDueText}</span>
          <Countdown dueAt={order.nextDueAt} />
        </Space>
      ) : (
        '—'
      ),
    },
    ...(order.agreedAt
      ? [{ key: 'agreed', label: t('wo.f.agreedAt'), children: formatShanghai(order.agreedAt, false) }]
      : []),
    { key: 'desc', label: t('wo.description'), span: 'filled' as const, children: order.description },
    ...(c
      ? [
          {
            key: 'cc',
            label: t('wo.complaintCategory'),
            children: c.categoryLabel
              ? pick(c.categoryLabel, lang)
              : complaintCategoryLabel(String(c.category), lang),
          },
          {
            key: 'resp',
            label: t('wo.f.responsibility'),
            children: t(`wo.resp.${c.responsibility}` as MessageKey),
          },
          ...(c.judgement
            ? [
                {
                  key: 'judged',
                  label: t('wo.f.reasonable'),
                  span: 'filled' as const,
                  children: (
                    <span data-testid="complaint-judgement">
                      <Tag color={c.judgement.reasonable ? 'blue' : 'default'}>
                        {t(c.judgement.reasonable ? 'wo.reasonable.true' : 'wo.reasonable.false')}
                      </Tag>
                      {t('wo.f.judgementBasis')}：{c.judgement.basis}
                      {c.judgement.reason ? `；${t('wo.f.unreasonableReason')}：${c.judgement.reason}` : ''}
                    </span>
                  ),
                },
              ]
            : []),
          {
            key: 'repeat',
            label: t('wo.repeatCount'),
            children: (
              <Space>
                {c.repeatCount}
                {c.flagged ? (
                  <Tag color="red" icon={<WarningOutlined />}>
                    {t('wo.flaggedRepeat')}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" data-testid="order-header">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      {order.identityMasked ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('wo.identityMasked')}
        </Typography.Text>
      ) : null}
      <RepeatNotice complaint={c} />
    </Card>
  );
}
