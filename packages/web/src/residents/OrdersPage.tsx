import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { resident, residentKeys } from './api.ts';

/** My orders: every report and complaint of mine with its state and next deadline. */
export function OrdersPage() {
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: residentKeys.orders, queryFn: resident.orders });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  return (
    <div className="resident-page">
      <Typography.Title level={4}>{t('menu.resOrders')}</Typography.Title>
      {q.data.items.length === 0 ? <Empty description={t('res.noOrders')} /> : null}
      <List
        dataSource={q.data.items}
        renderItem={(o) => (
          <Link to={`/r/orders/${o.id}`} data-testid="order-link">
            <Card size="small" style={{ marginBottom: 8 }}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{lang === 'zh' ? o.itemName.zh : o.itemName.en}</Typography.Text>
                  <Tag color={o.breached ? 'red' : 'blue'}>
                    {lang === 'zh' ? o.stateLabel.zh : o.stateLabel.en}
                  </Tag>
                </Space>
                <Typography.Text type="secondary">
                  {o.orderNo} · {o.enterpriseName} · {formatShanghai(o.receivedAt, false)}
                </Typography.Text>
                {o.nextDueAt ? (
                  <Typography.Text>
                    {t('res.nextDue', { at: formatShanghai(o.nextDueAt, false) })}
                  </Typography.Text>
                ) : null}
              </Space>
            </Card>
          </Link>
        )}
      />
    </div>
  );
}
