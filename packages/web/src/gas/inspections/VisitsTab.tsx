import { useState } from 'react';
import { Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { AgreeTime } from './AgreeTime.tsx';
import { useQuery } from '@tanstack/react-query';
import { inspections, type VisitState } from '../../api/inspections.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';

const STATES: VisitState[] = [
  'community_followed_up',
  'community_follow_up_due',
  'retry_needed',
  'refused',
  'planned',
  'inspected',
];

/**
 * The plan's households by state (G-5.11.8, G-5.11.9): those refused or never reached stay listed as such, with the
 * community follow-up that was agreed — never counted as inspected.
 */
export function VisitsTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const [state, setState] = useState<VisitState>('community_followed_up');
  const [community, setCommunity] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['inspections', 'visits', year, state, community, page],
    queryFn: () =>
      inspections.visits({
        year,
        state,
        limit: 50,
        offset: (page - 1) * 50,
        ...(community ? { community } : {}),
      }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={state}
          onChange={(v) => {
            setState(v as VisitState);
            setPage(1);
          }}
          options={STATES.map((s) => ({ value: s, label: t(`in.state.${s}`) }))}
          data-testid="visit-state-filter"
        />
        <Input.Search
          allowClear
          style={{ width: 180 }}
          placeholder={t('in.community')}
          onSearch={(v) => setCommunity(v.trim())}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="visit-table"
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('in.customer'), dataIndex: 'customerName' },
          { title: t('in.address'), dataIndex: 'address' },
          {
            title: t('in.windowTitle'),
            key: 'window',
            render: (_: unknown, v) => `${v.windowFrom} ~ ${v.windowTo}`,
          },
          {
            title: t('in.status'),
            dataIndex: 'state',
            render: (s: VisitState) => <Tag>{t(`in.state.${s}`)}</Tag>,
          },
          {
            title: t('an.agreedAt'),
            key: 'agreed',
            render: (_: unknown, v) => (
              <Space direction="vertical" size={2}>
                {v.announcedOn ? <span>{`${t('an.announcedOn')} ${v.announcedOn}`}</span> : null}
                {v.residentProposedAt ? (
                  <Tag color="orange" data-testid="visit-proposed">
                    {t('bk.staffProposed', { at: formatShanghai(v.residentProposedAt, false) })}
                  </Tag>
                ) : null}
                {v.agreedAt ? <Tag color="blue">{formatShanghai(v.agreedAt, false)}</Tag> : null}
                {v.state !== 'inspected' && user?.role !== 'regulator' ? <AgreeTime visitId={v.id} /> : null}
              </Space>
            ),
          },
          { title: t('in.attempts'), dataIndex: 'attempts' },
          {
            title: t('in.lastAttempt'),
            dataIndex: 'lastAttemptAt',
            render: (v: string | null, r) =>
              v
                ? `${formatShanghai(v, false)} · ${r.lastOutcome ? t(`in.outcome.${r.lastOutcome}`) : ''}`
                : '—',
          },
          {
            title: t('in.followUp'),
            dataIndex: 'followUp',
            render: (f: { committee: string; agreed: string } | null) =>
              f ? (
                <Typography.Text>
                  {f.committee}：{f.agreed}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}
