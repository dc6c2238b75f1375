import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { inspections, type RouteVisit } from '../../api/inspections.ts';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { flush, pending } from './queue.ts';
import { VisitForm } from './VisitForm.tsx';

/** /inspect — the inspector's phone (390 × 844): today's route by community and building, each visit's form. */
export function InspectPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const route = useQuery({ queryKey: ['inspections', 'my'], queryFn: inspections.my });
  const [open, setOpen] = useState<RouteVisit | null>(null);
  const [waiting, setWaiting] = useState(() => pending().length);

  const send = async () => {
    const { sent, refused } = await flush();
    setWaiting(pending().length);
    if (sent) message.success(t('in.sent', { n: sent }));
    for (const r of refused) message.error(errorText(r.error, lang));
    if (sent || refused.length) void qc.invalidateQueries({ queryKey: ['inspections'] });
  };
  useEffect(() => {
    // Back online: send what waited (a record made inside a building without signal).
    const onOnline = () => void send();
    window.addEventListener('online', onOnline);
    if (pending().length) void send();
    return () => window.removeEventListener('online', onOnline);
  }, []);

  if (open)
    return (
      <VisitForm
        visit={open}
        onDone={() => {
          setOpen(null);
          setWaiting(pending().length);
          void qc.invalidateQueries({ queryKey: ['inspections'] });
        }}
      />
    );

  const items = route.data?.items ?? [];
  return (
    <div className="my-page" data-testid="page-inspect">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('in.myRoute')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void route.refetch()} aria-label="reload" />
      </Space>
      {waiting ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          data-testid="queue-waiting"
          message={t('in.pending', { n: waiting })}
          action={<Button onClick={() => void send()}>{t('in.sendNow')}</Button>}
        />
      ) : null}
      {route.data ? (
        <Typography.Text type="secondary">
          {t('in.nextRestDay', { date: route.data.nextRestDay })}
        </Typography.Text>
      ) : null}
      <ErrorAlert error={route.error} onRetry={() => void route.refetch()} />
      {route.isLoading ? <Spin style={{ display: 'block', margin: '40px auto' }} /> : null}
      {route.isSuccess && items.length === 0 ? <Empty description={t('in.nothingToday')} /> : null}
      <List
        dataSource={items}
        renderItem={(v) => (
          <Card
            size="small"
            style={{ marginTop: 8 }}
            onClick={() => setOpen(v)}
            data-testid="route-visit"
            hoverable
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <b>{v.customerName}</b>
                <Space size={4}>
                  {v.overdue ? <Tag color="red">{t('in.overdueTag')}</Tag> : null}
                  <Tag>{t(`in.state.${v.state}`)}</Tag>
                </Space>
              </Space>
              <span>{v.address || `${v.community} ${v.building}`}</span>
              <Typography.Text type="secondary">
                {t('in.window', { from: v.windowFrom, to: v.windowTo })}
                {v.openHazards.length ? ` · ${t('in.openHazards')} ${v.openHazards.length}` : ''}
              </Typography.Text>
              {v.advice ? (
                <Typography.Text type="warning">
                  {lang === 'zh' ? v.advice.explanation.zh : v.advice.explanation.en}
                </Typography.Text>
              ) : null}
              {v.state === 'community_follow_up_due' ? <FollowUp visitId={v.id} /> : null}
            </Space>
          </Card>
        )}
      />
    </div>
  );
}

/** G-5.11.9: the community follow-up, once the further attempts found nobody home. */
function FollowUp({ visitId }: { visitId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [committee, setCommittee] = useState('');
  const [agreed, setAgreed] = useState('');
  const save = useMutation({
    mutationFn: () => inspections.followUp(visitId, { committee, agreed, at: new Date().toISOString() }),
    onSuccess: () => {
      message.success(t('in.followUpSaved'));
      void qc.invalidateQueries({ queryKey: ['inspections'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} onClick={(e) => e.stopPropagation()}>
      <Input
        placeholder={t('in.committee')}
        value={committee}
        onChange={(e) => setCommittee(e.target.value)}
      />
      <Input placeholder={t('in.agreed')} value={agreed} onChange={(e) => setAgreed(e.target.value)} />
      <Button disabled={!committee || !agreed} loading={save.isPending} onClick={() => save.mutate()}>
        {t('in.followUp')}
      </Button>
    </Space>
  );
}
