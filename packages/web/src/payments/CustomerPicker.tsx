import { useState } from 'react';
import { Input, Table } from 'antd';
import { customers, type Customer } from '../api/customers.ts';
import { ErrorAlert } from '../common/errors.tsx';
import { useAsync } from '../common/useAsync.ts';
import { useDebounced } from '../common/useDebounced.ts';
import { useI18n } from '../i18n/index.tsx';

/** Find the customer at the counter: account number, phone, name or address; Enter takes the first hit. */
export function CustomerPicker({ onPick }: { onPick: (c: Customer) => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const found = useAsync(() => (q ? customers.search({ q, limit: 8 }) : Promise.resolve(null)), [q]);
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
          loading={found.loading}
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
