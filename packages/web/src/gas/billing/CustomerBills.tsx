import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { canOpen } from '../../platform/auth/permissions.ts';
import { billing } from '../../api/billing.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';
import { BillTable } from './BillsPage.tsx';

function CustomerBills({ customerId }: { customerId: string }) {
  const query = { customerId, limit: 100, offset: 0 };
  const list = useQuery({ queryKey: keys.billList(query), queryFn: () => billing.bills(query) });
  return (
    <div data-testid="customer-bills">
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <BillTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={{ pageSize: 12, size: 'small' }}
      />
    </div>
  );
}

/** The customer 360's "bills" tab, for the roles that may read bills (none for the others). */
export function useCustomerBillsTab(customerId: string) {
  const { user } = useAuth();
  const { t } = useI18n();
  if (!user || !canOpen(user.role, 'bills')) return [];
  return [
    { key: 'bills', label: t('bill.customerBills'), children: <CustomerBills customerId={customerId} /> },
  ];
}
