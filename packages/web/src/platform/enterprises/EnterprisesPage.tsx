import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button, Card, Drawer, Input, Space, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { enterprises, platformKeys } from '../../api/platform.ts';
import type { Enterprise } from '../../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { canEditEnterprise, isRegulator } from '../auth/permissions.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { EnterpriseDescriptions, KindTag, ServicePointsTable } from './EnterpriseDetail.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';

export function EnterprisesPage() {
  const { t } = useI18n();
  const user = useUser();
  const queries = useQueryClient();
  const list = useQuery({ queryKey: platformKeys.enterpriseList, queryFn: enterprises.list });
  const { data, error, isFetching: loading } = list;
  const reload = () => void queries.invalidateQueries({ queryKey: platformKeys.enterprises });
  const [query, setQuery] = useState('');
  const [detail, setDetail] = useState<Enterprise | null>(null);
  const [form, setForm] = useState<{ open: boolean; enterprise?: Enterprise }>({ open: false });

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const items = data?.items ?? [];
    return q
      ? items.filter((e) => e.name.toLowerCase().includes(q) || e.creditCode.toLowerCase().includes(q))
      : items;
  }, [data, query]);

  return (
    <div data-testid="page-enterprises">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.enterprises')}</Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('ent.search')}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 240 }}
          />
          {isRegulator(user) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ open: true })}
              data-testid="enterprise-create"
            >
              {t('ent.create')}
            </Button>
          ) : null}
        </Space>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Enterprise>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(e) => ({ onClick: () => setDetail(e), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('ent.name'),
              dataIndex: 'name',
              render: (n: string) => <Typography.Link>{n}</Typography.Link>,
            },
            {
              title: t('ent.kind'),
              dataIndex: 'kind',
              render: (k: Enterprise['kind']) => <KindTag kind={k} />,
              filters: [...new Set((data?.items ?? []).map((e) => e.kind))].map((k) => ({
                text: t(`kind.${k}`),
                value: k,
              })),
              onFilter: (v, e) => e.kind === v,
            },
            { title: t('ent.creditCode'), dataIndex: 'creditCode', render: (c: string) => <code>{c}</code> },
            { title: t('ent.hotline'), dataIndex: 'hotline' },
            { title: t('ent.supervisionPhone'), dataIndex: 'supervisionPhone' },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, e) =>
                canEditEnterprise(user, e) ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<EditOutlined />}
                    onClick={(ev) => {
                      ev.stopPropagation();
                      setForm({ open: true, enterprise: e });
                    }}
                  >
                    {t('common.edit')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Drawer
        open={detail !== null}
        onClose={() => setDetail(null)}
        title={detail?.name ?? t('ent.detail')}
        width={Math.min(640, window.innerWidth)}
        extra={
          detail && canEditEnterprise(user, detail) ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                // Close the drawer first: the modal must not open underneath it.
                setForm({ open: true, enterprise: detail });
                setDetail(null);
              }}
            >
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        {detail ? (
          <>
            <EnterpriseDescriptions enterprise={detail} />
            <Typography.Title level={5}>{t('ent.servicePoints')}</Typography.Title>
            <ServicePointsTable points={detail.servicePoints} />
          </>
        ) : null}
      </Drawer>
      <EnterpriseForm
        open={form.open}
        enterprise={form.enterprise}
        regulator={isRegulator(user)}
        onClose={() => setForm({ open: false })}
        onSaved={() => {
          setForm({ open: false });
          reload();
        }}
      />
    </div>
  );
}
