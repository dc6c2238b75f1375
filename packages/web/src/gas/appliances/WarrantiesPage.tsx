import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Input, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { appliances, type Warranty } from '../../api/appliances.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** G-9.2.8: the warranties on appliance work — in force today, or all — found by address. */
export function WarrantiesPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [all, setAll] = useState(false);
  const list = useQuery({
    queryKey: ['warranties', q, all],
    queryFn: () => appliances.warranties({ q: q || undefined, all: all ? 'true' : 'false' }),
  });
  return (
    <div data-testid="page-warranties">
      <Typography.Title level={4}>{t('appl.warranties.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('appl.warranties.hint')}</Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('appl.warranties.search')}
            onSearch={setQ}
            style={{ width: 260 }}
            data-testid="warranties-search"
          />
          <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
            {t('appl.warranties.all')}
          </Checkbox>
        </Space>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<Warranty>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 640 }}
          columns={[
            { title: t('appl.col.address'), dataIndex: 'address' },
            {
              title: t('appl.col.kind'),
              render: (_, w) => <Tag>{t(`appl.wkind.${w.kind}`)}</Tag>,
            },
            {
              title: t('appl.col.order'),
              render: (_, w) => <Link to={`/orders/${w.workOrderId}`}>{w.orderNo}</Link>,
            },
            { title: t('appl.col.period'), render: (_, w) => `${w.startsOn} — ${w.endsOn}` },
            {
              title: t('appl.col.restarts'),
              render: (_, w) => (w.restartsWarrantyId ? <Tag color="blue">✓</Tag> : null),
            },
          ]}
        />
      </Card>
    </div>
  );
}
