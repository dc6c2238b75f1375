import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { platformKeys, staffApi } from '../../api/platform.ts';
import type { ExpiringCertificate } from '../../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { isRegulator } from '../auth/permissions.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DaysLeft } from './DaysLeft.tsx';

export function ExpiringPage() {
  const { t } = useI18n();
  const user = useUser();
  const {
    data,
    error,
    isFetching: loading,
    refetch,
  } = useQuery({
    queryKey: platformKeys.expiring(30),
    queryFn: () => staffApi.expiring(30),
  });
  const reload = () => void refetch();
  const rows = [...(data?.items ?? [])].sort((a, b) => a.daysLeft - b.daysLeft);

  return (
    <div data-testid="page-certificates">
      <div className="page-title">
        <Typography.Title level={4}>{t('cert.expiringTitle')}</Typography.Title>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ExpiringCertificate>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          rowClassName={(c) => (c.daysLeft <= 7 ? 'row-urgent' : '')}
          columns={[
            {
              title: t('cert.daysLeft'),
              dataIndex: 'daysLeft',
              sorter: (a, b) => a.daysLeft - b.daysLeft,
              render: (d: number) => <DaysLeft days={d} />,
            },
            { title: t('cert.staff'), dataIndex: 'staffName' },
            { title: t('cert.name'), dataIndex: 'name' },
            { title: t('cert.number'), dataIndex: 'number' },
            { title: t('cert.expiresOn'), dataIndex: 'expiresOn' },
            { title: t('cert.issuer'), dataIndex: 'issuer' },
            ...(isRegulator(user) ? [{ title: t('cert.enterprise'), dataIndex: 'enterpriseName' }] : []),
          ]}
        />
      </Card>
    </div>
  );
}
