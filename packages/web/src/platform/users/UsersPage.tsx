import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { enterprises as enterprisesApi, platformKeys, users as usersApi } from '../../api/platform.ts';
import type { Ok } from '../../api/contract.ts';
import type { Role } from '../../api/types.ts';

type Account = Ok<'/api/users'>['items'][number];
import { useUser } from '../auth/AuthContext.tsx';
import { isRegulator } from '../auth/permissions.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { StaffLinkCell } from './StaffLinkCell.tsx';
import { UserForm } from './UserForm.tsx';

export function UsersPage() {
  const { t } = useI18n();
  const me = useUser();
  const regulator = isRegulator(me);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const queries = useQueryClient();
  const users = useQuery({ queryKey: platformKeys.users, queryFn: usersApi.list });
  const enterprises = useQuery({
    queryKey: platformKeys.enterpriseList,
    queryFn: enterprisesApi.list,
    enabled: regulator,
  });

  const held = new Set((users.data?.items ?? []).flatMap((u) => (u.staffId ? [u.staffId] : [])));
  const q = query.trim().toLowerCase();
  const rows = (users.data?.items ?? []).filter(
    (u) => !q || u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q),
  );

  return (
    <div data-testid="page-users">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.users')}</Typography.Title>
        <Space wrap>
          <Input.Search allowClear style={{ width: 200 }} onChange={(e) => setQuery(e.target.value)} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="user-create"
          >
            {t('user.create')}
          </Button>
        </Space>
      </div>
      <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Account>
          rowKey="id"
          loading={users.isFetching}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('user.username'), dataIndex: 'username', render: (u: string) => <code>{u}</code> },
            { title: t('user.displayName'), dataIndex: 'displayName' },
            {
              title: t('user.role'),
              dataIndex: 'role',
              render: (r: Role) => (
                <Tag color={r === 'regulator' ? 'purple' : r === 'enterprise_admin' ? 'blue' : 'default'}>
                  {t(`role.${r}`)}
                </Tag>
              ),
              filters: [...new Set((users.data?.items ?? []).map((u) => u.role))].map((r) => ({
                text: t(`role.${r}`),
                value: r,
              })),
              onFilter: (v, u) => u.role === v,
            },
            ...(regulator ? [{ title: t('user.enterprise'), dataIndex: 'enterpriseName' }] : []),
            {
              title: t('user.staffRecord'),
              key: 'staff',
              render: (_: unknown, u: Account) => <StaffLinkCell account={u} held={held} />,
            },
          ]}
        />
      </Card>
      <UserForm
        open={open}
        enterprises={regulator ? (enterprises.data?.items ?? []) : []}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          void queries.invalidateQueries({ queryKey: platformKeys.users });
        }}
      />
    </div>
  );
}
