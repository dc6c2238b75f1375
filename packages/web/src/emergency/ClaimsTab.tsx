import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { insurance, type Claim } from './emergency.ts';

const yuan = (fen: number | null) => (fen === null ? '—' : `¥${(fen / 100).toFixed(2)}`);

/** G-11.2–G-11.4, H-9.5: claims with their steps, the agreed amount and the 30-working-day payment due. */
export function ClaimsTab() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['emergency', 'claims'], queryFn: insurance.claims });
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      scroll={{ x: true }}
      expandable={{
        expandedRowRender: (c: Claim) =>
          c.events.map((e, i) => (
            <div key={i}>
              {formatShanghai(e.at, false)} {t(`em.claim.ev.${e.type}` as MessageKey)} — {e.actorName}
            </div>
          )),
      }}
      columns={[
        { title: t('em.claim.claimant'), dataIndex: 'claimant' },
        { title: t('em.claim.description'), dataIndex: 'description' },
        { title: t('em.claim.agreed'), dataIndex: 'agreedFen', render: yuan },
        {
          title: t('em.claim.due'),
          dataIndex: 'payDueAt',
          render: (v: string | null) => (v ? formatShanghai(v, false) : '—'),
        },
        {
          title: t('em.claim.state'),
          render: (_: unknown, c: Claim) => (
            <>
              {c.paidAt ? (
                <Tag color="green">{t('em.claim.paid')}</Tag>
              ) : (
                <Tag color="blue">{t('em.claim.open')}</Tag>
              )}
              {c.late ? <Tag color="red">{t('em.claim.late')}</Tag> : null}
              {c.exclusions.length > 0 ? <Tag color="orange">{t('em.claim.overridden')}</Tag> : null}
            </>
          ),
        },
      ]}
    />
  );
}
