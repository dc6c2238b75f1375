import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { shop, type ConsentView } from '../../api/appliances.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

/**
 * H-7.3.8 on the technician's phone, for a gas or heating repair: whose facility it is. The customer's own makes it
 * paid work, and the price list then waits for the customer's signature before the work starts.
 */
export function FacilityOwnerCard(props: { orderId: string; view: ConsentView; onChange: () => void }) {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const declare = useMutation({
    mutationFn: (owner: 'customer' | 'company') => shop.facilityOwner(props.orderId, owner),
    onSuccess: (data) => {
      setError(null);
      queries.setQueryData(['consent', props.orderId], data);
      props.onChange();
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  const owner = props.view.facilityOwner;
  return (
    <Card
      className="my-card"
      title={t('owner.title')}
      style={{ marginBottom: 12 }}
      data-testid="facility-owner"
    >
      {owner ? (
        <Typography.Paragraph strong>
          {t(owner === 'customer' ? 'owner.isCustomer' : 'owner.isCompany')}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('owner.hint')}</Typography.Paragraph>
      )}
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} /> : null}
      {props.view.consent ? null : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {(['customer', 'company'] as const)
            .filter((o) => o !== owner)
            .map((o) => (
              <Button
                key={o}
                size="large"
                block
                loading={declare.isPending}
                onClick={() => declare.mutate(o)}
              >
                {t(`owner.${o}`)}
              </Button>
            ))}
        </Space>
      )}
    </Card>
  );
}
