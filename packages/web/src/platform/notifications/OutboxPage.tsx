import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { Query } from '../../api/contract.ts';
import { outbox, paymentKeys, type OutboxMessage } from '../../api/payments.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const COLOR: Record<string, string> = { queued: 'blue', sent: 'green', failed: 'red' };
const PAGE = 50;

/** /outbox — every message to customers (reminders, alarms, notices) with its delivery status. */
export function OutboxPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [status, setStatus] = useState<NonNullable<Query<'/api/notifications'>['status']> | 'all'>('all');
  const [page, setPage] = useState(1);
  const queries = useQueryClient();
  const query = { status: status === 'all' ? undefined : status, limit: PAGE, offset: (page - 1) * PAGE };
  const list = useQuery({
    queryKey: paymentKeys.outboxList(query),
    queryFn: () => outbox.list(query),
    placeholderData: keepPreviousData,
  });
  const admin = user.role === 'enterprise_admin';
  const action = useMutation({
    mutationFn: (fn: () => Promise<unknown>) => fn(),
    onSuccess: (r) => {
      message.success(JSON.stringify(r));
      void queries.invalidateQueries({ queryKey: paymentKeys.outbox });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const act = (fn: () => Promise<unknown>) => action.mutate(fn);
  const counts = list.data?.byStatus ?? {};
  return (
    <div data-testid="page-outbox">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.outbox')}</Typography.Title>
        <Space wrap>
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={(['all', 'queued', 'sent', 'failed'] as const).map((s) => ({
              value: s,
              label: `${t(`ob.status.${s}` as MessageKey)}${s === 'all' ? '' : ` ${counts[s] ?? 0}`}`,
            }))}
          />
          {admin ? <Button onClick={() => act(outbox.sendNow)}>{t('ob.sendNow')}</Button> : null}
          {admin && status === 'failed' ? (
            <Button onClick={() => act(() => outbox.retry((list.data?.items ?? []).map((m) => m.id)))}>
              {t('ob.retry')}
            </Button>
          ) : null}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('ob.intro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Card size="small">
        <Table<OutboxMessage>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          expandable={{
            expandedRowRender: (m) => (
              <Typography.Paragraph style={{ margin: 0 }}>
                {lang === 'en' && m.bodyEn ? m.bodyEn : m.body}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            {
              title: t('ob.createdAt'),
              dataIndex: 'createdAt',
              className: 'nowrap',
              render: (v: string) => formatShanghai(v, false),
            },
            {
              title: t('ob.kind'),
              dataIndex: 'kind',
              // Other modules queue kinds of their own: the code shows until a label is added here.
              render: (k: string) => {
                const label = t(`ob.kind.${k}` as MessageKey);
                return label === `ob.kind.${k}` ? k : label;
              },
            },
            {
              title: t('pay.customerName'),
              key: 'c',
              render: (_, m) => (m.customerName ? `${m.customerName} ${m.accountNo ?? ''}` : ''),
            },
            {
              title: t('ob.channel'),
              dataIndex: 'channel',
              // The channel in words (短信, not `sms`); an unknown one as it is.
              render: (c: string, m) => {
                const label = t(`ob.channel.${c}` as MessageKey);
                return `${label === `ob.channel.${c}` ? c : label} ${m.recipient}`;
              },
            },
            { title: t('ob.subject'), dataIndex: 'subject' },
            {
              title: t('ob.status'),
              dataIndex: 'status',
              render: (s: OutboxMessage['status'], m) => (
                <Space direction="vertical" size={0}>
                  <Tag color={COLOR[s]}>{t(`ob.status.${s}` as MessageKey)}</Tag>
                  {m.sentAt ? <small>{formatShanghai(m.sentAt, false)}</small> : null}
                  {m.lastError ? (
                    <small style={{ color: '#cf1322' }}>
                      {t('ob.attempts', { n: m.attempts })}: {m.lastError}
                    </small>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
