import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { App, Button, Card, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, HeartFilled, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { CUSTOMER_KINDS, isCustomerKind } from '@ranre/domain';
import { customers, exportUrl, type Customer } from '../../api/customers.ts';
import type { Id } from '../../api/types.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import {
  canExportCustomers,
  canImportCustomers,
  canWriteCustomers,
} from '../../platform/auth/permissions.ts';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { keys } from '../../common/query.ts';
import { useDebounced } from '../../common/useDebounced.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Customer360Panel } from '../console/Customer360Panel.tsx';
import { useCatalogue } from '../console/useCatalogue.ts';
import { pick } from '../orders/labels.ts';
import { CustomerForm } from './CustomerForm.tsx';

/** /customers — the archive: search (masked data), open an account, import, export (G-5.8.2, G-5.7.6). */
export function CustomersPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const [rows, setRows] = useState<Customer[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<Id | null>(null);
  const queries = useQueryClient();
  const search = { q: q || undefined, limit: 20 };
  const page = useQuery({
    queryKey: keys.customerSearch(search),
    queryFn: () => customers.search(search),
    placeholderData: keepPreviousData,
  });
  const detail = useQuery({
    queryKey: keys.customer(String(viewing)),
    queryFn: () => customers.get(viewing!),
    enabled: viewing !== null,
  });

  useEffect(() => {
    setRows(page.data?.items ?? []);
    setCursor(page.data?.nextCursor ?? null);
  }, [page.data]);

  const loadMore = async () => {
    if (!cursor) return;
    setMore(true);
    try {
      const next = await customers.search({ q: q || undefined, limit: 20, cursor });
      setRows((r) => [...r, ...next.items]);
      setCursor(next.nextCursor);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setMore(false);
    }
  };

  return (
    <div data-testid="page-customers">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.customers')}</Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('console.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="customers-search"
          />
          {canImportCustomers(user.role) ? (
            <Button
              icon={<UploadOutlined />}
              onClick={() => navigate('/customers/import')}
              data-testid="customers-import"
            >
              {t('cust.import')}
            </Button>
          ) : null}
          {canExportCustomers(user.role) ? (
            <Button
              icon={<DownloadOutlined />}
              href={exportUrl('xlsx', q || undefined)}
              data-testid="customers-export"
            >
              {t('cust.export')}
            </Button>
          ) : null}
          {canWriteCustomers(user.role) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="customers-create"
            >
              {t('cust.create')}
            </Button>
          ) : null}
        </Space>
      </div>
      <ErrorAlert error={page.error} onRetry={() => void page.refetch()} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Customer>
          rowKey="id"
          loading={page.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(c) => ({ onClick: () => setViewing(c.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('cust.accountNo'), dataIndex: 'accountNo', className: 'nowrap' },
            {
              title: t('cust.name'),
              key: 'name',
              render: (_, c) => (
                <Space size={4}>
                  {c.name}
                  {c.specialCare ? (
                    <HeartFilled style={{ color: '#cf1322' }} title={t('console.specialCare')} />
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('cust.kind'),
              key: 'kind',
              render: (_, c) => (isCustomerKind(c.kind) ? pick(CUSTOMER_KINDS[c.kind].label, lang) : c.kind),
            },
            { title: t('cust.phone'), dataIndex: 'phone', className: 'nowrap' },
            { title: t('cust.idCard'), dataIndex: 'idCard', className: 'nowrap' },
            { title: t('cust.address'), dataIndex: 'address', ellipsis: true, width: 280 },
            {
              title: t('cust.statusCol'),
              key: 'status',
              render: (_, c) => (
                <Tag color={c.status === 'active' ? 'green' : 'orange'}>
                  {t(`cust.status.${c.status}` as MessageKey)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {cursor ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void loadMore()} loading={more}>
            {t('audit.loadMore')}
          </Button>
        </div>
      ) : null}
      <CustomerForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          message.success(t('cust.created', { no: c.account.accountNo }));
          void queries.invalidateQueries({ queryKey: keys.customers });
          setViewing(c.account.id);
        }}
      />
      <Drawer open={viewing !== null} onClose={() => setViewing(null)} width={720} title={t('cust.detail')}>
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        {detail.data ? <Customer360Panel data={detail.data} itemName={catalogue.itemName} /> : null}
      </Drawer>
    </div>
  );
}
