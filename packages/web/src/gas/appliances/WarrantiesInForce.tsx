import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { appliances, type Warranty } from '../../api/appliances.ts';
import { useI18n } from '../../i18n/index.tsx';

/** G-9.2.8: the warranties in force at the order's address, so a repair under one is done free. */
export function WarrantiesInForce({ items }: { items: Warranty[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="warranties-in-force"
      message={t('appl.warrantiesHere')}
      description={items.map((w) => (
        <div key={w.id}>
          {t('appl.warrantyLine', {
            kind: t(`appl.wkind.${w.kind}`),
            no: w.orderNo,
            from: w.startsOn,
            to: w.endsOn,
          })}
        </div>
      ))}
    />
  );
}

/** The same for any order, read from the order's address (an appliance company's orders; empty elsewhere). */
export function OrderWarranties({ orderId }: { orderId: string }) {
  const list = useQuery({
    queryKey: ['order-warranties', orderId],
    queryFn: () => appliances.orderWarranties(orderId),
    retry: false,
  });
  return <WarrantiesInForce items={list.data?.items ?? []} />;
}
