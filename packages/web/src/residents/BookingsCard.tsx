import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { resident, residentKeys, type ResidentBooking } from './api.ts';

const STATUS_COLOR: Record<ResidentBooking['status'], string> = {
  proposed: 'orange',
  agreed: 'blue',
  done: 'green',
  ended: 'default',
};

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** My bookings: what I proposed, the time the company agreed, the order's deadline and what happened. */
export function BookingsCard() {
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: residentKeys.bookings, queryFn: resident.bookings });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const items = q.data?.items ?? [];
  return (
    <Card size="small" title={t('bk.mine')} loading={q.isLoading} data-testid="bookings">
      {items.length === 0 ? <Empty description={t('bk.noBookings')} /> : null}
      <List
        dataSource={items}
        renderItem={(b) => (
          <List.Item data-testid="booking" key={b.id}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{t(`bk.kind.${b.kind}`)}</Typography.Text>
                <Tag color={STATUS_COLOR[b.status]} data-testid="booking-status">
                  {t(`bk.status.${b.status}`)}
                </Tag>
              </Space>
              <Typography.Text type="secondary">
                {b.accountNo} · {b.enterpriseName}
              </Typography.Text>
              <Typography.Text>
                {t('bk.proposed', { at: formatShanghai(b.proposedAt, false) })}
              </Typography.Text>
              {b.bottled ? (
                <Typography.Text data-testid="booking-bottled">
                  {t('bk.bottledLine', {
                    model: b.bottled.model,
                    quantity: b.bottled.quantity,
                    total: yuan(b.bottled.totalFen),
                  })}
                </Typography.Text>
              ) : null}
              {b.bottled?.receipt ? (
                <Typography.Text strong type="success" data-testid="booking-receipt">
                  {t('bk.receipt', {
                    no: b.bottled.receipt.receiptNo,
                    amount: yuan(b.bottled.receipt.amountFen),
                    at: formatShanghai(b.bottled.receipt.deliveredAt, false),
                  })}
                </Typography.Text>
              ) : null}
              {b.agreedAt ? (
                <Typography.Text strong data-testid="booking-agreed">
                  {t('bk.agreed', { at: formatShanghai(b.agreedAt, false) })}
                </Typography.Text>
              ) : null}
              {b.visit ? (
                <Typography.Text type="secondary">
                  {t('bk.visitWindow', { from: b.visit.windowFrom, to: b.visit.windowTo })}
                </Typography.Text>
              ) : null}
              {b.order?.nextDueAt ? (
                <Typography.Text data-testid="booking-due">
                  {t('bk.due', { at: formatShanghai(b.order.nextDueAt, false) })}
                </Typography.Text>
              ) : null}
              <Steps
                size="small"
                direction="vertical"
                current={b.history.length - 1}
                items={b.history.map((h) => ({
                  title: t(`bk.history.${h.type as 'proposed' | 'agreed' | 'inspected'}`),
                  description: formatShanghai(h.at, false),
                }))}
              />
              {b.order ? (
                <Link to={`/r/orders/${b.order.id}`} data-testid="booking-order">
                  {t('bk.track')} · {b.order.orderNo} ·{' '}
                  {lang === 'zh' ? b.order.stateLabel.zh : b.order.stateLabel.en}
                </Link>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
