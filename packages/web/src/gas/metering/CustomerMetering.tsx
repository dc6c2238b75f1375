import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { m3, metering, meteringKeys, type Meter } from './api.ts';
import { DueTag, StatusTag } from './MetersPage.tsx';
import { ReadingHistory } from './ReadingHistory.tsx';

/** The customer 360's meters & readings tab: the meters and the reading history with estimates and why. */
export function CustomerMetering({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: meteringKeys.meterList({ customerId }),
    queryFn: () => metering.meters({ customerId }),
  });
  const meters = list.data?.items ?? [];
  if (!list.isFetching && meters.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meter.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="customer-metering">
      <Table<Meter>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isFetching}
        dataSource={meters}
        columns={[
          { title: t('meter.serialNo'), dataIndex: 'serialNo' },
          {
            title: t('meter.statusLabel'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
          { title: t('meter.installedOn'), dataIndex: 'installedOn' },
          { title: t('meter.openingM3'), dataIndex: 'initialReading', render: (v: number) => m3(v) },
          {
            title: t('meter.features'),
            key: 'f',
            render: (_, m) => (
              <>
                {m.remoteReading ? <Tag color="cyan">{t('meter.remote')}</Tag> : null}
                {m.prepaid ? <Tag color="gold">{t('meter.prepaid')}</Tag> : null}
                <DueTag days={m.dueInDays} />
              </>
            ),
          },
        ]}
      />
      <ReadingHistory customerId={customerId} />
    </Space>
  );
}
