import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { workOrders, type ClockAlert } from '../../api/workorders.ts';
import { errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';

const ALERTS = ['alerts', 'unacknowledged'] as const;

/** Unacknowledged warnings and breaches from the deadline watcher (GET /alerts), refreshed every minute. */
export function AlertsBadge() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const alerts = useQuery({ queryKey: ALERTS, queryFn: () => workOrders.alerts(), refetchInterval: 60_000 });
  const items = alerts.data?.items ?? [];
  const acknowledge = (id: ClockAlert['id']) =>
    workOrders.acknowledge(id).then(
      () => queryClient.invalidateQueries({ queryKey: ALERTS }),
      (e: unknown) => message.error(errorText(e, lang)),
    );
  const content = (
    <List
      size="small"
      style={{ width: 'min(420px, 86vw)', maxHeight: 420, overflow: 'auto' }}
      dataSource={items}
      locale={{ emptyText: alerts.error ? t('common.loadFailed') : t('board.noAlerts') }}
      renderItem={(a) => (
        <List.Item
          actions={[
            <Button key="ack" size="small" type="link" onClick={() => void acknowledge(a.id)}>
              {t('board.ack')}
            </Button>,
          ]}
        >
          <div>
            <Tag color={a.kind === 'breach' ? 'red' : 'orange'}>
              {a.kind === 'breach' ? t('board.alertBreach') : t('board.alertWarning')}
            </Tag>
            <Link to={`/orders/${a.orderId}`}>{a.orderNo}</Link>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatShanghai(a.createdAt, false)}
            </Typography.Text>
            <div>{a.messages ? pick(a.messages, lang) : a.message}</div>
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
