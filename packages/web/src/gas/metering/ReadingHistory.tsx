import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { m3, metering, meteringKeys, type Reading } from './api.ts';
import { UsageChart } from './UsageChart.tsx';

const KIND_COLOR: Record<string, string> = {
  actual: 'blue',
  remote: 'cyan',
  customer: 'purple',
  estimated: 'orange',
};

export function KindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLOR[kind]}>{t(`meter.kind.${kind}` as MessageKey)}</Tag>;
}

/** What the screen says about a reading: the estimate's basis, the flags and the reader's confirmation, the settlement. */
function Why({ r }: { r: Reading }) {
  const { t, lang } = useI18n();
  const parts: React.ReactNode[] = [];
  if (r.kind === 'estimated' && r.estimateBasis?.reason) {
    parts.push(
      <Typography.Text key="est" type="warning" data-testid="estimate-reason">
        {r.estimateBasis.reason[lang]}
      </Typography.Text>,
    );
  }
  for (const c of r.checks) {
    if (c.code === 'CONFIRMED')
      parts.push(
        <Typography.Text key="ok">
          {t('meter.confirmedBy', { by: String(c.by ?? ''), note: String(c.note ?? '') })}
        </Typography.Text>,
      );
    else if (c.code === 'SETTLEMENT' && c.explanation)
      parts.push(
        <Typography.Text key="set" type="success">
          {c.explanation[lang]}
        </Typography.Text>,
      );
    else if (c.reason)
      parts.push(
        <Typography.Text key={c.code} type="danger">
          {c.reason[lang]}
        </Typography.Text>,
      );
  }
  if (parts.length === 0 && r.note) parts.push(<Typography.Text key="note">{r.note}</Typography.Text>);
  return (
    <Space direction="vertical" size={0}>
      {parts}
    </Space>
  );
}

/** A customer's readings: the monthly usage chart (estimates marked, with why) and the list. */
export function ReadingHistory({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: meteringKeys.readingList(customerId),
    queryFn: () => metering.readings(customerId),
  });
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="reading-history">
      {items.length > 0 ? <UsageChart readings={items} /> : null}
      {items.some((r) => r.kind === 'estimated') ? (
        <Alert type="info" showIcon message={t('meter.estimateRule')} />
      ) : null}
      <Table<Reading>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        pagination={{ pageSize: 13, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('meter.readOn'), dataIndex: 'readOn', className: 'nowrap' },
          { title: t('meter.kind'), dataIndex: 'kind', render: (k: string) => <KindTag kind={k} /> },
          { title: t('meter.serialNo'), dataIndex: 'serialNo' },
          {
            title: t('meter.registerM3'),
            dataIndex: 'register',
            align: 'right',
            render: (v: number) => m3(v),
          },
          { title: t('meter.usageM3'), dataIndex: 'usage', align: 'right', render: (v: number) => m3(v) },
          { title: t('meter.why'), key: 'why', render: (_, r) => <Why r={r} /> },
          {
            title: t('meter.enteredBy'),
            dataIndex: 'enteredByName',
            render: (v: string | null) => v ?? t('meter.system'),
          },
        ]}
      />
    </Space>
  );
}
