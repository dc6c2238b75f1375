import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EyeOutlined, HeartFilled } from '@ant-design/icons';
import { CUSTOMER_KINDS, isCustomerKind } from '@ranre/domain';
import type { Customer, Revealed } from '../../api/customers.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';
import { RevealModal } from './RevealModal.tsx';

/** Who the caller is: account, kind, special care in red (G-5.9.9), masked ID and phones with an audited reveal. */
export function CustomerAccountCard({ account, extra }: { account: Customer; extra?: ReactNode }) {
  const { t, lang } = useI18n();
  const [revealing, setRevealing] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  useEffect(() => setRevealed(null), [account.id]);
  const shown = revealed ?? account;
  return (
    <Card
      size="small"
      data-testid="customer-account"
      title={
        <Space wrap size={8}>
          <span style={{ fontSize: 16 }} data-testid="customer-name">
            {account.name}
          </span>
          <Typography.Text type="secondary">{account.accountNo}</Typography.Text>
          {account.specialCare ? (
            <Tag color="red" icon={<HeartFilled />} data-testid="special-care">
              {t('console.specialCare')}
              {account.specialCareNote ? `：${account.specialCareNote}` : ''}
            </Tag>
          ) : null}
          {account.status !== 'active' ? (
            <Tag color="orange">{t(`cust.status.${account.status}` as MessageKey)}</Tag>
          ) : null}
        </Space>
      }
      extra={extra}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 3 }}
        items={[
          {
            key: 'kind',
            label: t('cust.kind'),
            children: isCustomerKind(account.kind)
              ? pick(CUSTOMER_KINDS[account.kind].label, lang)
              : account.kind,
          },
          {
            key: 'phone',
            label: t('cust.phone'),
            children: (
              <span data-testid="customer-phone" className="nowrap">
                {shown.phone ?? '—'}
              </span>
            ),
          },
          { key: 'phone2', label: t('cust.phone2'), children: shown.phone2 ?? '—' },
          {
            key: 'id',
            label: t('cust.idCard'),
            children: (
              <span data-testid="customer-idcard" className="nowrap">
                {shown.idCard ?? '—'}
              </span>
            ),
          },
          {
            key: 'addr',
            label: t('cust.address'),
            span: 'filled' as const,
            children: account.address || '—',
          },
        ]}
      />
      {revealed ? (
        <Tag color="gold">{t('console.revealedAudited')}</Tag>
      ) : (
        <Button
          size="small"
          icon={<EyeOutlined />}
          onClick={() => setRevealing(true)}
          data-testid="reveal-open"
        >
          {t('console.reveal')}
        </Button>
      )}
      <RevealModal
        customerId={revealing ? account.id : null}
        onClose={() => setRevealing(false)}
        onRevealed={(r) => {
          setRevealed(r);
          setRevealing(false);
        }}
      />
    </Card>
  );
}
