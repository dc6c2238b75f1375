import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Statistic, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { paymentKeys, payments, yuan } from '../../api/payments.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { canOpen } from '../../platform/auth/permissions.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Balance and arrears beside the caller, in the customer 360 (G-6.2.9): an agent sees them at once. */
export function AccountBalanceCard({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const s = useQuery({
    queryKey: paymentKeys.statement(customerId, {}),
    queryFn: () => payments.statement(customerId),
  });
  if (s.error || !s.data) return null;
  const a = s.data.arrears;
  return (
    <Card
      size="small"
      data-testid="account-balance"
      title={t('pay.accountTitle')}
      extra={
        <Space>
          <Link to={`/statement/${customerId}`}>{t('pay.statement')}</Link>
          {canOpen(user.role, 'counter') ? (
            <Link to={`/counter?customer=${customerId}`}>{t('pay.takePayment')}</Link>
          ) : null}
        </Space>
      }
    >
      <Space size={32} wrap>
        <Statistic title={t('pay.balance')} value={yuan(a.balanceFen)} valueStyle={{ fontSize: 20 }} />
        <Statistic
          title={t('pay.overdue')}
          value={yuan(a.overdueFen)}
          valueStyle={{ fontSize: 20, color: a.overdueFen > 0 ? '#cf1322' : undefined }}
        />
        {a.overdueFen > 0 ? (
          <Tag color="red" data-testid="arrears-tag">
            {t('pay.daysOverdue', { n: a.maxDaysOverdue })}
          </Tag>
        ) : (
          <Tag color="green">{t('pay.noArrears')}</Tag>
        )}
      </Space>
      {a.overdueFen > 0 ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          message={t('pay.arrearsHint', { amount: yuan(a.overdueFen), date: a.oldestDueDate ?? '' })}
        />
      ) : null}
    </Card>
  );
}
