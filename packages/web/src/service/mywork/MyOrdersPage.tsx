import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { workOrders } from '../../api/workorders.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Countdown } from '../orders/Countdown.tsx';
import { pick } from '../orders/labels.ts';
import { StateTag } from '../orders/StateTag.tsx';
import { ContactButtons } from './ContactButtons.tsx';

/** /my — the technician's open orders as cards, soonest due first; built for a phone in one hand. */
export function MyOrdersPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  // Refreshed every minute: a dispatcher may assign or take back an order while the technician is out.
  const list = useQuery({
    queryKey: ['work-orders', 'mine'],
    queryFn: () => workOrders.list({ assignee: 'me', state: 'open', sort: 'due', limit: 100 }),
    refetchInterval: 60_000,
  });
  const reload = () => void list.refetch();
  const items = list.data?.items ?? [];

  return (
    <div data-testid="page-my" className="my-page">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.my')}</Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={reload} loading={list.isFetching} size="large" />
      </div>
      <ErrorAlert error={list.error} onRetry={reload} />
      {list.isFetching && !list.data ? <Spin style={{ display: 'block', margin: '60px auto' }} /> : null}
      {list.data && items.length === 0 ? <Empty description={t('my.empty')} /> : null}
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {items.map((o) => (
          <Card
            key={String(o.id)}
            hoverable
            className="my-card"
            onClick={() => navigate(`/my/${o.id}`)}
            data-testid={`my-order-${o.orderNo}`}
          >
            <div className="my-card-head">
              <Typography.Text strong style={{ fontSize: 16 }}>
                {pick(o.itemName, lang)}
              </Typography.Text>
              <StateTag state={o.state} />
            </div>
            <div className="my-card-line">
              <Countdown dueAt={o.nextDueAt} strong />
              {o.isComplaint ? <Tag color="magenta">{t('wo.complaint')}</Tag> : null}
              <Typography.Text type="secondary">{o.orderNo}</Typography.Text>
            </div>
            <div className="my-card-line">{o.address || '—'}</div>
            <div className="my-card-line">
              <Typography.Text type="secondary">
                {o.customerName || o.callerName} {o.callerPhone ?? ''}
              </Typography.Text>
            </div>
            <ContactButtons phone={o.callerPhone} address={o.address} />
          </Card>
        ))}
      </Space>
    </div>
  );
}
