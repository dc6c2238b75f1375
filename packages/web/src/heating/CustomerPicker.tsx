import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Select } from 'antd';
import { customers } from '../api/customers.ts';
import { useDebounced } from '../common/useDebounced.ts';
import { useI18n } from '../i18n/index.tsx';

/** Finds a heating account by name, phone, account number or address (the archive's search). */
export function CustomerPicker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q, 300);
  const found = useQuery({
    queryKey: ['customers', 'search', { q: query, limit: 20 }],
    queryFn: () => customers.search({ q: query, limit: 20 }),
  });
  return (
    <Select
      showSearch
      filterOption={false}
      value={value}
      onChange={onChange}
      onSearch={setQ}
      placeholder={t('h.findCustomer')}
      loading={found.isFetching}
      options={(found.data?.items ?? [])
        .filter((c) => c.kind.startsWith('heating'))
        .map((c) => ({ value: String(c.id), label: `${c.name}（${c.accountNo}）` }))}
    />
  );
}
