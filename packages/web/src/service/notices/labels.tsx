import { Tag } from 'antd';
import type { NoticeKind } from '../../api/notices.ts';
import type { Notice } from '../../api/notices.ts';
import type { Role } from '../../api/types.ts';
import type { Translate } from '../../i18n/index.tsx';

export type Sector = 'gas' | 'heating';

/** Which standard's notices the signed-in company publishes (mirrors the server's sectorOfEnterprise). */
export function noticeSectorOf(kind: string | null | undefined): Sector | null {
  if (kind === 'heating' || kind === 'heating_reseller') return 'heating';
  if (kind === 'pipeline_gas') return 'gas';
  return null;
}

/** The kinds each standard asks for (domain NOTICE_KIND_CLAUSES). */
export const KINDS_BY_SECTOR: Record<Sector, NoticeKind[]> = {
  heating: ['unplanned_interruption', 'filling', 'commissioning'],
  gas: ['planned_interruption', 'unplanned_interruption'],
};

export const isInterruptionKind = (k: NoticeKind) =>
  k === 'planned_interruption' || k === 'unplanned_interruption';

/** The dispatcher and the administrator publish; agents and the regulator read. */
export const canPublishNotices = (role: Role, enterpriseKind: string | null | undefined) =>
  (role === 'enterprise_admin' || role === 'dispatcher') && noticeSectorOf(enterpriseKind) !== null;

const KIND_COLORS: Record<NoticeKind, string> = {
  filling: 'blue',
  commissioning: 'geekblue',
  planned_interruption: 'orange',
  unplanned_interruption: 'red',
};

export function KindTag({ kind, t }: { kind: NoticeKind; t: Translate }) {
  return <Tag color={KIND_COLORS[kind]}>{t(`nt.kind.${kind}`)}</Tag>;
}

export function StatusTags({
  n,
  t,
}: {
  n: Pick<Notice, 'kind' | 'status' | 'overrun' | 'overrunNotifiedAt'>;
  t: Translate;
}) {
  if (!isInterruptionKind(n.kind)) return <Tag>{t('nt.status.done')}</Tag>;
  return (
    <>
      {n.status === 'restored' ? (
        <Tag color="green">{t('nt.status.restored')}</Tag>
      ) : (
        <Tag color="processing">{t('nt.status.published')}</Tag>
      )}
      {n.overrun ? (
        <Tag color="error" data-testid="notice-overrun">
          {t('nt.overrun')}
          {n.overrunNotifiedAt ? ` · ${t('nt.overrunNotified')}` : ''}
        </Tag>
      ) : null}
    </>
  );
}
