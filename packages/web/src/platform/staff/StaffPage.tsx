import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Avatar, Badge, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { enterprises as enterprisesApi, platformKeys, staffApi } from '../../api/platform.ts';
import type { Id, Staff } from '../../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { canManageStaff, isRegulator } from '../auth/permissions.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CertificateForm } from './CertificateForm.tsx';
import { CertificatesTable } from './CertificatesTable.tsx';
import { StaffForm } from './StaffForm.tsx';

export function StaffPage() {
  const { t } = useI18n();
  const user = useUser();
  const regulator = isRegulator(user);
  const [enterpriseId, setEnterpriseId] = useState<Id | undefined>();
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<{ open: boolean; staff?: Staff }>({ open: false });
  const [certFor, setCertFor] = useState<Staff | null>(null);

  const queries = useQueryClient();
  const filter = { enterpriseId: enterpriseId === undefined ? undefined : String(enterpriseId) };
  const staff = useQuery({ queryKey: platformKeys.staffList(filter), queryFn: () => staffApi.list(filter) });
  const enterprises = useQuery({
    queryKey: platformKeys.enterpriseList,
    queryFn: enterprisesApi.list,
    enabled: regulator,
  });
  const reload = () => void queries.invalidateQueries({ queryKey: platformKeys.staff });

  const q = query.trim().toLowerCase();
  const rows = (staff.data?.items ?? []).filter(
    (s) => !q || [s.name, s.badgeNo, s.employeeNo, s.post].some((f) => f.toLowerCase().includes(q)),
  );

  return (
    <div data-testid="page-staff">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.staff')}</Typography.Title>
        <Space wrap>
          {regulator ? (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('staff.filterEnterprise')}
              style={{ width: 220 }}
              value={enterpriseId}
              onChange={(v: Id | undefined) => setEnterpriseId(v)}
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          ) : null}
          <Input.Search allowClear style={{ width: 200 }} onChange={(e) => setQuery(e.target.value)} />
          {canManageStaff(user) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ open: true })}
              data-testid="staff-create"
            >
              {t('staff.create')}
            </Button>
          ) : null}
        </Space>
      </div>
      <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Staff>
          rowKey="id"
          loading={staff.isFetching}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          expandable={{
            expandedRowRender: (s) => (
              <div style={{ padding: '4px 0' }}>
                <CertificatesTable certificates={s.certificates} />
              </div>
            ),
          }}
          columns={[
            {
              title: t('staff.name'),
              dataIndex: 'name',
              render: (_, s) => (
                <Space>
                  <Avatar size="small" src={s.photo ?? undefined} icon={<UserOutlined />} />
                  <span>{s.name}</span>
                  {s.active ? null : <Tag>{t('staff.inactive')}</Tag>}
                </Space>
              ),
            },
            { title: t('staff.badgeNo'), dataIndex: 'badgeNo' },
            { title: t('staff.employeeNo'), dataIndex: 'employeeNo' },
            { title: t('staff.post'), dataIndex: 'post' },
            { title: t('staff.phone'), dataIndex: 'phone' },
            {
              title: t('staff.certCount'),
              key: 'certs',
              align: 'center',
              render: (_, s) => (
                <Badge
                  count={s.certificates.length}
                  showZero
                  color={s.certificates.length ? '#1f6fb2' : '#d9d9d9'}
                />
              ),
            },
            ...(regulator ? [{ title: t('staff.enterprise'), dataIndex: 'enterpriseName' }] : []),
            ...(canManageStaff(user)
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, s: Staff) =>
                      canManageStaff(user, s) ? (
                        <Space size={0}>
                          <Button
                            size="small"
                            type="link"
                            icon={<EditOutlined />}
                            onClick={() => setForm({ open: true, staff: s })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="small"
                            type="link"
                            icon={<SafetyCertificateOutlined />}
                            onClick={() => setCertFor(s)}
                          >
                            {t('cert.add')}
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <StaffForm
        open={form.open}
        staff={form.staff}
        enterprises={regulator ? enterprises.data?.items : undefined}
        onClose={() => setForm({ open: false })}
        onSaved={() => {
          setForm({ open: false });
          reload();
        }}
      />
      <CertificateForm
        staff={certFor}
        onClose={() => setCertFor(null)}
        onSaved={() => {
          setCertFor(null);
          reload();
        }}
      />
    </div>
  );
}
