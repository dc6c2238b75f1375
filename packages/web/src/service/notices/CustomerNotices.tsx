import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { notices } from '../../api/notices.ts';
import { formatShanghai } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';
import { KindTag } from './labels.tsx';

/**
 * Beside the caller in the console (H-7.3.7): the current interruption, filling or commissioning notices over the
 * customer's premises, with the words the agent uses — an apology and the expected restore time. Nothing when none.
 */
export function CustomerNotices({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const data = useQuery({
    queryKey: keys.customerNotices(customerId),
    queryFn: () => notices.forCustomer(customerId),
  });
  const items = data.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="customer-notices"
      message={t('nt.forCaller')}
      description={
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {items.map((n) => (
            <div key={String(n.id)}>
              <Space wrap size={6}>
                <KindTag kind={n.kind} t={t} />
                <Link to={`/notices/${n.id}`}>{n.title}</Link>
                {n.expectedRestoreAt ? (
                  <Typography.Text type="secondary">
                    {t('nt.expectedRestoreAt')} {formatShanghai(n.expectedRestoreAt, false)}
                  </Typography.Text>
                ) : null}
              </Space>
              <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="customer-notice-script">
                {pick(n.script, lang)}
              </Typography.Paragraph>
            </div>
          ))}
        </Space>
      }
    />
  );
}
