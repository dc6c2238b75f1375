import { useState } from 'react';
import { Alert, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { inspections, type Grade, type Hazard, type HazardQuery } from '../../api/inspections.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { HazardDrawer } from './HazardDrawer.tsx';
import { GRADE_COLOURS, label } from './labels.ts';

/** The hazard ledger (G-5.11.6), overdue first; `major` shows the regulator's queue of reported major hazards. */
export function HazardsTab({ major = false }: { major?: boolean }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'open' | 'closed' | undefined>('open');
  const [grade, setGrade] = useState<Grade | undefined>();
  const [community, setCommunity] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [source, setSource] = useState<'inspection' | 'patrol' | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const query: HazardQuery = {
    limit: 200,
    offset: 0,
    ...(status ? { status } : {}),
    ...(grade && !major ? { grade } : {}),
    ...(community ? { community } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
    ...(source ? { source } : {}),
  };
  const list = useQuery({
    queryKey: ['inspections', 'hazards', major, query],
    queryFn: () => (major ? inspections.major(query) : inspections.hazards(query)),
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {major ? <Alert type="warning" showIcon message={t('in.regulatorNote')} /> : null}
      <Space wrap>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('in.status')}
          value={status}
          onChange={setStatus}
          options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`in.status.${s}`) }))}
        />
        {!major ? (
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('in.grade')}
            value={grade}
            onChange={setGrade}
            data-testid="hazard-grade-filter"
            options={(['general', 'serious', 'major'] as const).map((g) => ({
              value: g,
              label: t(`in.grade.${g}`),
            }))}
          />
        ) : null}
        <Input.Search
          allowClear
          style={{ width: 180 }}
          placeholder={t('in.community')}
          onSearch={(v) => setCommunity(v.trim())}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('pt.source')}
          value={source}
          onChange={setSource}
          data-testid="hazard-source-filter"
          options={(['inspection', 'patrol'] as const).map((s) => ({ value: s, label: t(`pt.source.${s}`) }))}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {t('in.overdueOnly')}
        </Checkbox>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Hazard>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid={major ? 'major-table' : 'hazard-table'}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        scroll={{ x: 900 }}
        columns={[
          ...(major ? [{ title: t('in.enterprise'), dataIndex: 'enterpriseName' }] : []),
          {
            title: t('in.grade'),
            dataIndex: 'grade',
            render: (g: Grade) => <Tag color={GRADE_COLOURS[g]}>{t(`in.grade.${g}`)}</Tag>,
          },
          { title: t('in.item'), dataIndex: 'item', render: (v: string) => label(t, 'in.check', v) },
          { title: t('in.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('in.customer'),
            dataIndex: 'customerName',
            render: (v: string) => v || <Tag>{t('pt.source.patrol')}</Tag>,
          },
          { title: t('in.address'), dataIndex: 'address' },
          {
            title: t('in.dueAt'),
            dataIndex: 'dueAt',
            render: (v: string, r) => (
              <Space>
                <span>{formatShanghai(v, false)}</span>
                {r.overdue ? <Tag color="red">{t('in.overdueTag')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('in.status'), dataIndex: 'status', render: (s: string) => label(t, 'in.status', s) },
          { title: t('in.notice'), dataIndex: 'notice', render: (s: string) => label(t, 'in.notice', s) },
        ]}
      />
      <Typography.Text type="secondary">{list.data ? `${list.data.total}` : ''}</Typography.Text>
      {open ? <HazardDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}
