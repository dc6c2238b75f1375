import { Table } from 'antd';
import type { Certificate } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DaysLeft, daysUntil } from './DaysLeft.tsx';

export function CertificatesTable({ certificates }: { certificates: Certificate[] }) {
  const { t } = useI18n();
  return (
    <Table<Certificate>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={certificates}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('common.none') }}
      columns={[
        { title: t('cert.name'), dataIndex: 'name' },
        { title: t('cert.number'), dataIndex: 'number' },
        { title: t('cert.issuer'), dataIndex: 'issuer' },
        { title: t('cert.issuedOn'), dataIndex: 'issuedOn' },
        {
          title: t('cert.expiresOn'),
          dataIndex: 'expiresOn',
          sorter: (a, b) => a.expiresOn.localeCompare(b.expiresOn),
        },
        {
          title: t('cert.daysLeft'),
          key: 'left',
          render: (_, c) => <DaysLeft days={daysUntil(c.expiresOn)} />,
        },
      ]}
    />
  );
}
