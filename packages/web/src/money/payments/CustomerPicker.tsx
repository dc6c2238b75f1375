import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Input, Table } from 'antd';
import { customers, type Customer } from '../../api/customers.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { keys } from '../../common/query.ts';
import { useDebounced } from '../../common/useDebounced.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Find the customer at the counter: account number, phone, name or address; Enter takes the first hit. */
export function CustomerPicker({ onPick }: { onPick: (c: Customer) => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const found = useQuery({
    queryKey: keys.customerSearch({ q, limit: 8 }),
    queryFn: () => customers.search({ q, limit: 8 }),
    enabled: q !== '',
  });
  const rows = found.data?.items ?? [];
  return (
    <div>
      <Input.Search
        autoFocus
        allowClear
        enterButton
        data-testid="counter-search"
        placeholder={t('pay.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onSearch={() => rows[0] && onPick(rows[0])}
      />
      {found.error ? <ErrorAlert error={found.error} /> : null}
      {q ? (
        <Table<Customer>
          style={{ marginTop: 8 }}
          size="small"
          rowKey="id"
          loading={found.isFetching}
          pagination={false}
          dataSource={rows}
          onRow={(c) => ({ onClick: () => onPick(c), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('pay.accountNo'), dataIndex: 'accountNo' },
            {
              title: t('pay.customerName'),
              dataIndex: 'name',
              render: (n: string) => <span data-testid="counter-hit">{n}</span>,
            },
            { title: t('pay.address'), dataIndex: 'address' },
          ]}
        />
      ) : null}
    </div>
  );
}
