import { Descriptions, Table, Tag, Typography } from 'antd';
import type { Enterprise, ServicePoint } from '../../api/types.ts';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';

export function KindTag({ kind }: { kind: Enterprise['kind'] }) {
  const { t } = useI18n();
  const color = kind.startsWith('heating') ? 'volcano' : kind === 'regulator' ? 'purple' : 'blue';
  return <Tag color={color}>{t(`kind.${kind}`)}</Tag>;
}

export function ServicePointsTable({ points }: { points: ServicePoint[] }) {
  const { t } = useI18n();
  if (points.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Table<ServicePoint>
      size="small"
      rowKey={(p) => `${p.name}|${p.address}`}
      pagination={false}
      dataSource={points}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('ent.spName'), dataIndex: 'name' },
        { title: t('ent.spAddress'), dataIndex: 'address' },
        { title: t('ent.spHours'), dataIndex: 'hours' },
        {
          title: t('ent.spTakesPayments'),
          dataIndex: 'takesPayments',
          render: (v?: boolean) => (v === false ? t('common.no') : t('common.yes')),
        },
      ]}
    />
  );
}

export function EnterpriseDescriptions({
  enterprise: e,
  compact,
}: {
  enterprise: Enterprise;
  compact?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Descriptions
      column={
        compact
          ? { xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 3 }
          : { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }
      }
      size="small"
      items={[
        { key: 'name', label: t('ent.name'), children: e.name },
        { key: 'kind', label: t('ent.kind'), children: <KindTag kind={e.kind} /> },
        { key: 'hotline', label: t('ent.hotline'), children: e.hotline },
        { key: 'sup', label: t('ent.supervisionPhone'), children: e.supervisionPhone },
        { key: 'code', label: t('ent.creditCode'), children: <span className="nowrap">{e.creditCode}</span> },
        { key: 'addr', label: t('ent.address'), children: e.address },
        { key: 'district', label: t('ent.district'), children: e.district || '—' },
        ...(compact
          ? []
          : [{ key: 'created', label: t('ent.createdAt'), children: formatShanghai(e.createdAt) }]),
      ]}
    />
  );
}
