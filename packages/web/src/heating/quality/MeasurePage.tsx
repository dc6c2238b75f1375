import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { qualityKeys, degrees, quality, type Recorded } from './api.ts';
import { MeasureForm, type MeasureTarget } from './MeasureForm.tsx';

/**
 * /measure — the measurer's phone: today's sampled households and measurement orders, the form, the verdict.
 * /measure?order=<id> — the form for that order at once (from the technician's order page), and back to it after.
 */
export function MeasurePage() {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orderId = params.get('order');
  const tasks = useQuery({ queryKey: qualityKeys.tasks, queryFn: () => quality.tasks() });
  const [target, setTarget] = useState<MeasureTarget | null>(null);
  const [result, setResult] = useState<Recorded | null>(null);
  const forOrder = orderId ? (tasks.data?.orders ?? []).find((o) => o.workOrderId === orderId) : undefined;
  useEffect(() => {
    if (forOrder?.premisesId && !target && !result)
      setTarget({
        premisesId: forOrder.premisesId,
        workOrderId: forOrder.workOrderId,
        title: t('m.forOrder', { orderNo: forOrder.orderNo }),
        address: forOrder.address,
      });
  }, [forOrder, target, result, t]);
  const toOrder = () => navigate(`/my/${orderId}`);
  const back = () => {
    if (orderId) return toOrder();
    setTarget(null);
    setResult(null);
    void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
  };

  if (result) {
    const status = result.outcome === 'pass' ? 'success' : result.outcome === 'fail' ? 'error' : 'info';
    return (
      <div className="my-page" data-testid="measure-result">
        <Result
          status={status}
          title={
            <span data-testid={`measure-outcome-${result.outcome}`}>{t(`q.outcome.${result.outcome}`)}</span>
          }
          subTitle={
            <Space direction="vertical">
              <span>
                {t('m.requiredTemp')}：{degrees(result.requiredTenths)} · {t('q.lowest')}：
                {degrees(result.minDecisiveTenths)}
              </span>
              <span>{t('m.band', { rate: result.unitHeatUseRate })}</span>
            </Space>
          }
          extra={
            <Button type="primary" size="large" onClick={back} data-testid="measure-next">
              {orderId ? t('m.backToOrder') : t('m.next')}
            </Button>
          }
        />
        <Alert
          type={status === 'success' ? 'success' : status === 'error' ? 'error' : 'warning'}
          message={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="measure-reasons">
              {result.reasons.map((r, i) => (
                <li key={i}>{lang === 'zh' ? r.zh : r.en}</li>
              ))}
            </ul>
          }
        />
      </div>
    );
  }
  if (target) {
    return (
      <div className="my-page" data-testid="page-measure">
        <Button icon={<ArrowLeftOutlined />} type="link" onClick={back} style={{ paddingLeft: 0 }}>
          {orderId ? t('m.backToOrder') : t('m.back')}
        </Button>
        <MeasureForm target={target} onDone={setResult} />
      </div>
    );
  }
  const sampled = tasks.data?.sampled ?? [];
  const orders = tasks.data?.orders ?? [];
  return (
    <div className="my-page" data-testid="page-measure">
      <div className="page-title">
        <Typography.Title level={4}>{t('m.tasks')}</Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void tasks.refetch()}
          loading={tasks.isFetching}
          size="large"
        />
      </div>
      <ErrorAlert error={tasks.error} onRetry={tasks.refetch} />
      {orderId && tasks.data && !forOrder?.premisesId ? (
        <Alert
          type="warning"
          showIcon
          message={t('m.orderNotOpen')}
          action={<Button onClick={toOrder}>{t('m.backToOrder')}</Button>}
          data-testid="measure-order-missing"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {tasks.isFetching && !tasks.data ? <Spin style={{ display: 'block', margin: '60px auto' }} /> : null}
      {tasks.data && sampled.length + orders.length === 0 ? <Empty description={t('m.noTasks')} /> : null}
      <List
        dataSource={[
          ...orders.map((o) => ({
            key: o.workOrderId,
            tag: <Tag color="magenta">{o.orderNo}</Tag>,
            title: o.customerName ?? '',
            line: o.description,
            address: o.address,
            target: o.premisesId
              ? {
                  premisesId: o.premisesId,
                  workOrderId: o.workOrderId,
                  title: `${o.orderNo} ${o.customerName ?? ''}`,
                  address: o.address,
                }
              : null,
          })),
          ...sampled.map((s) => ({
            key: s.sampleHouseholdId,
            tag: (
              <Tag color="blue">
                {t('m.sampled')} {s.assignedOn ?? ''}
              </Tag>
            ),
            title: s.customerName,
            line: '',
            address: s.address,
            target: {
              premisesId: s.premisesId,
              sampleHouseholdId: s.sampleHouseholdId,
              title: `${t('m.sampled')} · ${s.customerName}`,
              address: s.address,
              unitHeatUseRate: s.unitHeatUseRate,
            },
          })),
        ]}
        renderItem={(item, i) => (
          <Card className="my-card" style={{ marginBottom: 12 }} data-testid={`measure-task-${i}`}>
            <div className="my-card-head">
              <Typography.Text strong style={{ fontSize: 16 }}>
                {item.title}
              </Typography.Text>
              {item.tag}
            </div>
            {item.line ? <div className="my-card-line">{item.line}</div> : null}
            <div className="my-card-line">{item.address}</div>
            <Button
              type="primary"
              size="large"
              block
              disabled={!item.target}
              onClick={() => item.target && setTarget(item.target)}
            >
              {t('m.start')}
            </Button>
          </Card>
        )}
      />
    </div>
  );
}
