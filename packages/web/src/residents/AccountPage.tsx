import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { m3 } from '../api/billing.ts';
import { ErrorAlert, errorText } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { resident, residentKeys, yuan, type AccountDetail } from './api.ts';
import { ReceiptsCard } from './ReceiptsCard.tsx';
import { SelfReadingCard } from './SelfReadingCard.tsx';

type Intent = Awaited<ReturnType<typeof resident.pay>>;

/** Usage per month as plain bars (no canvas: it renders the same in WeChat's browser and prints). */
function UsageBars({ usage, gas }: { usage: AccountDetail['usage']; gas: boolean }) {
  const { t } = useI18n();
  if (usage.length === 0) return <Empty description={t('res.noUsage')} />;
  // Gas: the metered volume (litres, shown in m³); heating: the season's amount (no volume on a heating bill).
  const value = (u: AccountDetail['usage'][number]) => (gas ? u.volume : u.amountFen);
  const max = Math.max(...usage.map(value), 1);
  return (
    <div data-testid="usage-chart">
      {usage.slice(-12).map((u) => (
        <div key={u.period} className="resident-bar-row">
          <span className="resident-bar-label">{u.period}</span>
          <span className="resident-bar" style={{ width: `${Math.max(2, (value(u) / max) * 70)}%` }} />
          <span className="resident-bar-value">{gas ? `${m3(u.volume)} m³` : yuan(u.amountFen)}</span>
        </div>
      ))}
    </div>
  );
}

/** One bound account (G-5.8.1 query and payment): balance, bills with notices, paying, usage, payments. */
export function AccountPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const q = useQuery({ queryKey: residentKeys.account(id), queryFn: () => resident.account(id) });
  const [intent, setIntent] = useState<Intent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pay = useMutation({
    mutationFn: (billId: string) => resident.pay(id, { billId, channel: 'wechat' }),
    onSuccess: (i) => {
      setError(null);
      setIntent(i);
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  const demoPay = useMutation({
    mutationFn: () => resident.demoPay(intent!.outTradeNo),
    onSuccess: (i) => {
      setIntent({ ...i, qrText: null });
      void client.invalidateQueries({ queryKey: residentKeys.all });
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const { account, bills, usage, demoGateway, payChannels } = q.data;
  return (
    <div className="resident-page">
      <Typography.Title level={4}>
        {account.accountNo} · {account.name}
      </Typography.Title>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('res.address')}>{account.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('res.outstanding')}>
              <Typography.Text strong data-testid="detail-outstanding">
                {yuan(account.outstandingFen)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('res.overdue')}>{yuan(account.overdueFen)}</Descriptions.Item>
            <Descriptions.Item label={t('res.balance')}>{yuan(account.balanceFen)}</Descriptions.Item>
          </Descriptions>
        </Card>
        {error ? <Alert type="error" showIcon message={error} /> : null}
        {intent ? (
          <Card size="small" title={t('res.payOrder')} data-testid="pay-card">
            <Typography.Paragraph>
              {yuan(intent.amountFen)} ·{' '}
              <Tag color={intent.status === 'paid' ? 'green' : 'blue'} data-testid="pay-status">
                {t(`res.intent.${intent.status}`)}
              </Tag>
            </Typography.Paragraph>
            {intent.status === 'open' && demoGateway ? (
              <Button
                type="primary"
                block
                loading={demoPay.isPending}
                onClick={() => demoPay.mutate()}
                data-testid="pay-demo"
              >
                {t('res.demoPay')}
              </Button>
            ) : null}
            {intent.status === 'open' && !demoGateway && intent.qrText ? (
              <Typography.Paragraph copyable>{intent.qrText}</Typography.Paragraph>
            ) : null}
          </Card>
        ) : null}
        <Card size="small" title={t('res.bills')}>
          <List
            dataSource={bills}
            locale={{ emptyText: t('res.noBills') }}
            renderItem={(b) => (
              <List.Item data-testid={`bill-${b.period}`}>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{b.period}</Typography.Text>
                    <span>{yuan(b.amountFen)}</span>
                    {b.outstandingFen > 0 ? (
                      <Tag color={b.overdue ? 'red' : 'orange'}>
                        {t(b.overdue ? 'res.billOverdue' : 'res.billUnpaid')}
                      </Tag>
                    ) : (
                      <Tag color="green">{t('res.billPaid')}</Tag>
                    )}
                  </Space>
                  {b.dueDate ? (
                    <Typography.Text type="secondary">
                      {t('res.dueDate', { date: b.dueDate })}
                    </Typography.Text>
                  ) : null}
                  <Space wrap>
                    {b.hasNotice ? (
                      <Button size="small" href={resident.noticeUrl(id, b.id)} target="_blank">
                        {t('res.notice')}
                      </Button>
                    ) : null}
                    {b.outstandingFen > 0 && payChannels.length > 0 ? (
                      <Button
                        size="small"
                        type="primary"
                        loading={pay.isPending}
                        onClick={() => pay.mutate(b.id)}
                        data-testid="bill-pay"
                      >
                        {t('res.pay', { amount: yuan(b.outstandingFen) })}
                      </Button>
                    ) : null}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
          {payChannels.length === 0 ? <Alert type="info" message={t('res.payAtCounter')} /> : null}
        </Card>
        <Card size="small" title={t('res.usage')}>
          <UsageBars usage={usage} gas={account.sector === 'gas'} />
        </Card>
        {account.sector === 'gas' ? <SelfReadingCard accountId={id} /> : null}
        <ReceiptsCard accountId={id} />
      </Space>
    </div>
  );
}
