import { useState } from 'react';
import { Alert, App, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DashboardOutlined, FileSearchOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { WorkOrderEventType } from '../../api/workorders.ts';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CompletionForm } from '../orders/CompletionForm.tsx';
import { DeliveryCard } from '../../gas/cylinders/DeliveryCard.tsx';
import { Countdown } from '../orders/Countdown.tsx';
import { EventModal } from '../orders/EventModal.tsx';
import { eventLabel, pick, relevantEvents } from '../orders/labels.ts';
import { StateTag } from '../orders/StateTag.tsx';
import { useOrder } from '../orders/useOrder.ts';
import { ApplianceWork } from '../../gas/appliances/ApplianceWork.tsx';
import { ContactButtons } from './ContactButtons.tsx';

/** H-7.3.8: the gas and heating repairs that are paid work when the facility is the customer's own. */
const PAID_REPAIRS = ['gas_repair', 'heating_repair'];

/** One tap, no form. */
const DIRECT: readonly WorkOrderEventType[] = ['accepted', 'arrived_on_site', 'started'];
/** The technician's steps in order: only the next one is shown as the large button; the rest go below. */
const MAIN: readonly WorkOrderEventType[] = ['accepted', 'arrived_on_site', 'started'];

/** /my/:id — the technician's order on a phone: call, navigate, sign for or return, arrive, record, complete. */
export function MyOrderPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { order, error, loading, reload, act, conflict } = useOrder(id);
  const [open, setOpen] = useState<WorkOrderEventType | null>(null);
  const [busy, setBusy] = useState<WorkOrderEventType | null>(null);

  if (!order)
    return (
      <div data-testid="page-my-order">
        <ErrorAlert error={error} onRetry={reload} />
        {loading ? <Spin style={{ display: 'block', margin: '60px auto' }} /> : null}
      </div>
    );

  const allowed: WorkOrderEventType[] = relevantEvents(order.itemCode, order.allowedEvents);
  // The next step only: a step already recorded is not offered again (the server leaves it out, and a repeat tap
  // writes nothing), and a later step waits for the earlier one.
  const main = MAIN.filter((e) => allowed.includes(e)).slice(0, 1);
  const other = allowed.filter((e) => !MAIN.includes(e) && e !== 'completed');
  const blocked = order.blockedEvents ?? [];
  // H-5.4.5: a low-temperature complaint is completed on a measurement recorded on it. While completion waits for
  // it, taking the measurement is the step offered, and the form opens for this order.
  const measurement = order.measurement ?? null;
  const measureDue =
    measurement !== null && !measurement.recorded && blocked.some((b) => b.type === 'completed');

  const run = async (type: WorkOrderEventType) => {
    if (!DIRECT.includes(type)) return setOpen(type);
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

  return (
    <div data-testid="page-my-order" className="my-page">
      <div className="page-title">
        <Button size="large" type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/my')}>
          {t('menu.my')}
        </Button>
        <Button size="large" icon={<ReloadOutlined />} onClick={reload} loading={loading} />
      </div>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          message={t('wo.conflict')}
          action={<Button onClick={reload}>{t('wo.reload')}</Button>}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card className="my-card" style={{ marginBottom: 12 }}>
        <div className="my-card-head">
          <Typography.Text strong style={{ fontSize: 17 }}>
            {pick(order.itemName, lang)}
          </Typography.Text>
          <StateTag state={order.state} />
        </div>
        <div className="my-card-line">
          <Countdown dueAt={order.nextDueAt} strong />
          {order.isComplaint ? <Tag color="magenta">{t('wo.complaint')}</Tag> : null}
          <Typography.Text type="secondary">{order.orderNo}</Typography.Text>
        </div>
        <div className="my-card-line" style={{ fontSize: 16 }}>
          {order.address || '—'}
        </div>
        <div className="my-card-line">
          {order.customerName || order.callerName} {order.callerPhone ?? ''}
        </div>
        {order.agreedAt ? (
          <div className="my-card-line">
            {t('wo.kv', { k: t('wo.f.agreedAt'), v: formatShanghai(order.agreedAt, false) })}
          </div>
        ) : null}
        <Typography.Paragraph style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>
          {order.description}
        </Typography.Paragraph>
        <ContactButtons phone={order.callerPhone} address={order.address} />
      </Card>

      {/* G-9.2.6–G-9.2.8: appliance work — consent before it starts, the certificate after the test, the receipt. */}
      {/* H-7.3.8: a gas or heating repair of the customer's own facility takes the same consent. */}
      {order.itemCode.startsWith('appliance_') || PAID_REPAIRS.includes(order.itemCode) ? (
        <ApplianceWork order={order} onChange={reload} />
      ) : null}

      {main.length > 0 || measureDue ? (
        <div className="touch-stack" data-testid="my-actions">
          {main.map((type) => (
            <Button
              key={type}
              size="large"
              type={type === 'accepted' || type === 'arrived_on_site' ? 'primary' : 'default'}
              block
              loading={busy === type}
              onClick={() => void run(type)}
              data-testid={`action-${type}`}
            >
              {eventLabel(type, lang)}
            </Button>
          ))}
          {measureDue ? (
            <Button
              size="large"
              type="primary"
              block
              icon={<DashboardOutlined />}
              onClick={() => navigate(`/measure?order=${order.id}`)}
              data-testid="action-measure"
            >
              {t('my.measureStep', { protocol: measurement.protocol })}
            </Button>
          ) : null}
        </div>
      ) : null}

      {measurement?.recorded ? (
        <Alert
          type="success"
          showIcon
          message={t('my.measured', { protocol: measurement.protocol })}
          data-testid="measure-recorded"
          style={{ margin: '12px 0' }}
        />
      ) : null}

      {/* What a rule refuses now is said, not offered (e.g. completion before the H-5.4.5 measurement). */}
      {blocked.map((b) => (
        <Alert
          key={b.type}
          type="warning"
          showIcon
          message={t('wo.blocked', { action: eventLabel(b.type, lang), reason: b.reason[lang] })}
          data-testid={`blocked-${b.type}`}
          style={{ margin: '12px 0' }}
        />
      ))}

      {allowed.includes('completed') ? (
        order.itemCode === 'bottled_gas_delivery' ? (
          // G-7.2.1, G-7.2.2: the courier's delivery record completes a bottled-gas order.
          <Card title={t('dl.title')} className="my-card" style={{ margin: '12px 0' }}>
            <DeliveryCard order={order} act={act} />
          </Card>
        ) : (
          <Card title={t('my.onSiteRecord')} className="my-card" style={{ margin: '12px 0' }}>
            <CompletionForm order={order} act={act} />
          </Card>
        )
      ) : null}

      {other.length > 0 ? (
        <Space wrap style={{ margin: '12px 0' }}>
          {other.map((type) => (
            <Button
              key={type}
              size="large"
              danger={type === 'returned'}
              onClick={() => void run(type)}
              data-testid={`action-${type}`}
            >
              {eventLabel(type, lang)}
            </Button>
          ))}
        </Space>
      ) : null}

      {allowed.length === 0 && blocked.length === 0 ? (
        <Alert type="success" showIcon message={t('my.nothingToDo')} style={{ marginBottom: 12 }} />
      ) : null}

      <Link to={`/orders/${order.id}`}>
        <Button type="link" icon={<FileSearchOutlined />}>
          {t('my.fullDetail')}
        </Button>
      </Link>
      <EventModal type={open} order={order} act={act} onClose={() => setOpen(null)} />
    </div>
  );
}
