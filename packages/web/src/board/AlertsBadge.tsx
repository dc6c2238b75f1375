import { useEffect } from 'react';
import { Badge, Button, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { workOrders } from '../api/workorders.ts';
import { formatShanghai } from '../common/format.ts';
import { useAsync } from '../common/useAsync.ts';
import { useI18n } from '../i18n/index.tsx';

/** Unacknowledged warnings and breaches from the deadline watcher (GET /alerts), refreshed every minute. */
export function AlertsBadge() {
  const { t } = useI18n();
  const alerts = useAsync(() => workOrders.alerts(), []);
  const { reload } = alerts;
  useEffect(() => {
    const id = setInterval(reload, 60_000);
    return () => clearInterval(id);
  }, [reload]);
  const items = alerts.data?.items ?? [];
  const content = (
    <List
      size="small"
      style={{ width: 360, maxHeight: 420, overflow: 'auto' }}
      dataSource={items}
      locale={{ emptyText: alerts.error ? t('common.loadFailed') : t('board.noAlerts') }}
      renderItem={(a) => (
        <List.Item>
          <div>
            <Tag color={a.kind === 'breach' ? 'red' : 'orange'}>
              {a.kind === 'breach' ? t('board.alertBreach') : t('board.alertWarning')}
            </Tag>
            <Link to={`/orders/${a.orderId}`}>{a.orderNo}</Link>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatShanghai(a.createdAt, false)}
            </Typography.Text>
            <div>{a.message}</div>
          </div>
        </List.Item>
      )}
    />
  );
  return (
    <Popover content={content} title={t('board.alerts')} trigger="click" placement="bottomRight">
      <Badge count={items.length} overflowCount={99}>
        <Button icon={<BellOutlined />} data-testid="board-alerts">
          {t('board.alerts')}
        </Button>
      </Badge>
    </Popover>
  );
}
