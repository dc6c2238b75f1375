import { Alert, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { OrderWarranties } from '../../gas/appliances/WarrantiesInForce.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Attachments } from './Attachments.tsx';
import { ClocksCard } from './ClocksCard.tsx';
import { EventActions } from './EventActions.tsx';
import { OrderHeader } from './OrderHeader.tsx';
import { OrderTimeline } from './OrderTimeline.tsx';
import { StateTag } from './StateTag.tsx';
import { useOrder } from './useOrder.ts';

/** /orders/:id — the whole order: header, clocks with explanations, actions, attachments, timeline. */
export function OrderDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { order, error, loading, reload, act, conflict } = useOrder(id);

  return (
    <div data-testid="page-order">
      <div className="page-title">
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label="back" />
          <Typography.Title level={4}>{t('wo.orderTitle', { no: order?.orderNo ?? '' })}</Typography.Title>
          {order ? <StateTag state={order.state} /> : null}
        </Space>
        <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="order-reload">
          {t('common.refresh')}
        </Button>
      </div>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="version-conflict"
          message={t('wo.conflict')}
          action={
            <Button type="primary" onClick={reload} data-testid="conflict-reload">
              {t('wo.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <ErrorAlert error={error} onRetry={reload} />
      {!order ? (
        loading ? (
          <Spin style={{ display: 'block', margin: '80px auto' }} />
        ) : null
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <OrderHeader order={order} />
              <OrderWarranties orderId={String(order.id)} />
              <Card size="small" title={t('wo.actions')}>
                <EventActions order={order} act={act} />
              </Card>
              <ClocksCard clocks={order.clocks} />
              <Attachments items={order.attachments} />
              {order.residentEntries.length > 0 ? (
                <Card size="small" title={t('wo.residentEntries')} data-testid="resident-entries">
                  {order.residentEntries.map((e) => (
                    <Typography.Paragraph key={`${e.kind}${e.at}`} style={{ marginBottom: 4 }}>
                      <Typography.Text type="secondary">{formatShanghai(e.at, false)} </Typography.Text>
                      {t(`res.entry.${e.kind}`)}
                      {e.rating ? ` ${'★'.repeat(e.rating)}` : ''} {e.text}
                    </Typography.Paragraph>
                  ))}
                </Card>
              ) : null}
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <OrderTimeline events={order.events} />
          </Col>
        </Row>
      )}
    </div>
  );
}
