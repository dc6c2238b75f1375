import { useQuery } from '@tanstack/react-query';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { App, Input, List, Tag, Typography, type InputRef } from 'antd';
import { HeartFilled, SearchOutlined } from '@ant-design/icons';
import { CUSTOMER_KINDS, isCustomerKind } from '@ranre/domain';
import { customers, type Customer } from '../../api/customers.ts';
import { errorText } from '../../common/errors.tsx';
import { useDebounced } from '../../common/useDebounced.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';

export interface CustomerSearchHandle {
  focus: () => void;
}

const LIMIT = 8;

/**
 * One box for phone, account number, name or address (debounced). Enter opens the highlighted hit (the first by
 * default), ↑/↓ move, Esc clears.
 */
export const CustomerSearch = forwardRef<
  CustomerSearchHandle,
  { onOpen: (c: Customer, query: string) => void }
>(function CustomerSearch({ onOpen }, ref) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const input = useRef<InputRef>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(query.trim(), 250);
  const result = useQuery({
    queryKey: ['customers', 'search', { q, limit: LIMIT }],
    queryFn: () => customers.search({ q, limit: LIMIT }),
    enabled: q !== '',
  });
  const items = result.data?.items ?? [];

  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus({ cursor: 'all' }) }), []);

  const choose = (c: Customer) => {
    setOpen(false);
    onOpen(c, query.trim());
  };

  const enter = async () => {
    const text = query.trim();
    if (!text) return;
    // Typed faster than the debounce: search now rather than open a stale hit.
    if (text !== q || result.isFetching) {
      try {
        const fresh = await customers.search({ q: text, limit: LIMIT });
        if (fresh.items[0]) choose(fresh.items[0]);
        else setOpen(true);
      } catch (e) {
        message.error(errorText(e, lang));
      }
      return;
    }
    const hit = items[active] ?? items[0];
    if (hit) choose(hit);
  };

  return (
    <div className="customer-search">
      <Input
        ref={input}
        size="large"
        autoFocus
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('console.searchPlaceholder')}
        value={query}
        data-testid="customer-search"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Escape') {
            setQuery('');
            setOpen(false);
          } else return;
          e.preventDefault();
        }}
        onPressEnter={() => void enter()}
      />
      {open && query.trim() ? (
        <List
          className="search-results"
          size="small"
          bordered
          loading={result.isFetching}
          dataSource={items}
          data-testid="search-results"
          locale={{ emptyText: result.error ? errorText(result.error, lang) : t('console.noHit') }}
          renderItem={(c, i) => (
            <List.Item
              className={i === active ? 'active' : undefined}
              onClick={() => choose(c)}
              onMouseEnter={() => setActive(i)}
              data-testid="search-hit"
            >
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{c.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">{c.accountNo}</Typography.Text>{' '}
                {c.specialCare ? (
                  <Tag color="red" icon={<HeartFilled />}>
                    {t('console.specialCare')}
                  </Tag>
                ) : null}
                <div className="search-hit-line">
                  {[
                    c.phone,
                    c.address,
                    isCustomerKind(c.kind) ? pick(CUSTOMER_KINDS[c.kind].label, lang) : c.kind,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
});
