import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Rate, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert, errorText } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { resident, residentKeys, type ResidentOrder } from './api.ts';

const EVENT_KEYS: Record<string, MessageKey> = {
  received: 'res.ev.received',
  dispatched: 'res.ev.dispatched',
  accepted: 'res.ev.accepted',
  arrived_on_site: 'res.ev.arrived_on_site',
  completed: 'res.ev.completed',
  feedback_given: 'res.ev.feedback_given',
  return_visited: 'res.ev.return_visited',
  closed: 'res.ev.closed',
  cancelled: 'res.ev.cancelled',
};

/** Deadlines and history of my order; add information, rate, reopen (G-5.9.8, H-7.3.4). */
export function OrderPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: residentKeys.order(id), queryFn: () => resident.order(id) });
  const [error, setError] = useState<string | null>(null);
  const done = (o: ResidentOrder) => {
    setError(null);
    client.setQueryData(residentKeys.order(id), o);
    void client.invalidateQueries({ queryKey: residentKeys.orders });
  };
  const fail = (e: unknown) => setError(errorText(e, lang));
  const info = useMutation({
    mutationFn: (text: string) => resident.addInfo(id, text),
    onSuccess: done,
    onError: fail,
  });
  const rate = useMutation({
    mutationFn: (v: { rating: number; text?: string }) => resident.rate(id, v.rating, v.text ?? ''),
    onSuccess: done,
    onError: fail,
  });
  const reopen = useMutation({
    mutationFn: (reason: string) => resident.reopen(id, reason),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: residentKeys.all });
      navigate(`/r/orders/${r.id}`);
    },
    onError: fail,
  });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const o = q.data;
  const pick = (m: { zh: string; en: string }) => (lang === 'zh' ? m.zh : m.en);
  const rating = o.entries.find((e) => e.kind === 'rating');
  const reopened = o.entries.find((e) => e.kind === 'reopen');
  return (
    <div className="resident-page">
      <Typography.Title level={4}>{pick(o.itemName)}</Typography.Title>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small">
          <Space direction="vertical" size={4}>
            <Space wrap>
              <Tag color={o.breached ? 'red' : 'blue'} data-testid="order-state">
                {pick(o.stateLabel)}
              </Tag>
              <Typography.Text type="secondary">{o.orderNo}</Typography.Text>
            </Space>
            <Typography.Text>{o.description}</Typography.Text>
          </Space>
        </Card>
        {error ? <Alert type="error" showIcon message={error} /> : null}
        <Card size="small" title={t('res.deadlines')} data-testid="order-clocks">
          {o.clocks.map((c) => (
            <div key={c.name} style={{ marginBottom: 6 }}>
              <Typography.Text strong>{pick(c.label)}</Typography.Text>{' '}
              <Tag color={c.state === 'breached' ? 'red' : c.state === 'met' ? 'green' : 'blue'}>
                {t(`res.clock.${c.state}`)}
              </Tag>
              {c.dueText ? <div data-testid="clock-due">{t('res.dueBy', { at: c.dueText })}</div> : null}
            </div>
          ))}
        </Card>
        <Card size="small" title={t('res.history')}>
          <Timeline
            items={[
              ...o.history.map((h) => ({
                children: `${formatShanghai(h.at, false)} ${EVENT_KEYS[h.type] ? t(EVENT_KEYS[h.type]!) : t('res.ev.other')}`,
              })),
              ...o.entries.map((e) => ({
                color: 'gray',
                children: `${formatShanghai(e.at, false)} ${t(`res.entry.${e.kind}`)}${e.rating ? ` ${'★'.repeat(e.rating)}` : ''} ${e.text}`,
              })),
            ]}
          />
        </Card>
        {o.state !== 'closed' && o.state !== 'cancelled' ? (
          <Card size="small" title={t('res.addInfo')}>
            <Form layout="vertical" onFinish={(v: { text: string }) => info.mutate(v.text)}>
              <Form.Item name="text" rules={[{ required: true, message: t('res.required') }]}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="info-text" />
              </Form.Item>
              <Button htmlType="submit" block loading={info.isPending} data-testid="info-submit">
                {t('res.send')}
              </Button>
            </Form>
          </Card>
        ) : null}
        {o.canRate ? (
          <Card size="small" title={t('res.rateTitle')} data-testid="rate-card">
            <Form layout="vertical" onFinish={(v: { rating: number; text?: string }) => rate.mutate(v)}>
              <Form.Item name="rating" rules={[{ required: true, message: t('res.required') }]}>
                <Rate data-testid="rate-stars" />
              </Form.Item>
              <Form.Item name="text">
                <Input.TextArea rows={2} maxLength={500} placeholder={t('res.rateComment')} />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={rate.isPending}
                data-testid="rate-submit"
              >
                {t('res.send')}
              </Button>
            </Form>
          </Card>
        ) : null}
        {rating ? (
          <Alert type="success" message={t('res.rated', { n: rating.rating ?? 0 })} data-testid="rated" />
        ) : null}
        {o.reopen.allowed ? (
          <Card size="small" title={t('res.reopenTitle')} data-testid="reopen-card">
            <Typography.Paragraph type="secondary">
              {t('res.reopenUntil', { at: formatShanghai(o.reopen.until, false) })}
            </Typography.Paragraph>
            <Form layout="vertical" onFinish={(v: { reason: string }) => reopen.mutate(v.reason)}>
              <Form.Item
                name="reason"
                rules={[{ required: true, min: 2, message: t('res.descriptionRule') }]}
              >
                <Input.TextArea rows={2} maxLength={1000} data-testid="reopen-reason" />
              </Form.Item>
              <Button danger htmlType="submit" block loading={reopen.isPending} data-testid="reopen-submit">
                {t('res.reopen')}
              </Button>
            </Form>
          </Card>
        ) : null}
        {reopened?.reopenedOrderId ? (
          <Link to={`/r/orders/${reopened.reopenedOrderId}`} data-testid="reopened-link">
            {t('res.reopenedAs')}
          </Link>
        ) : null}
        {!o.reopen.allowed && o.reopen.reason === 'period_over' ? (
          <Alert type="info" message={t('res.reopenOver')} />
        ) : null}
      </Space>
    </div>
  );
}
