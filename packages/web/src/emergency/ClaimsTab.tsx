import { useQuery } from '@tanstack/react-query';
import { Drawer, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { enterpriseColumn, useEnterpriseNames } from '../common/enterprises.tsx';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { ClaimForm } from './ClaimForm.tsx';
import { ClaimSteps, yuan } from './ClaimSteps.tsx';
import { insurance, insuranceKeys, type Claim } from './emergency.ts';
import { PoliciesCard } from './PoliciesCard.tsx';

/** G-11.1–G-11.4, H-9: policies, claims with their steps, the agreed amount and the 30-working-day payment due. */
export function ClaimsTab({ canEdit, regulator }: { canEdit: boolean; regulator: boolean }) {
  const { t } = useI18n();
  const names = useEnterpriseNames(regulator);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({ queryKey: insuranceKeys.claims, queryFn: insurance.claims });
  const policies = useQuery({ queryKey: insuranceKeys.policies, queryFn: insurance.policies });
  const open = list.data?.items.find((c) => c.id === openId) ?? null;
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        data-testid="claims"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
        columns={[
          ...enterpriseColumn<Claim>(t, names, regulator),
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
      {canEdit ? <ClaimForm onOpened={setOpenId} /> : null}
      <PoliciesCard canEdit={canEdit} regulator={regulator} names={names} />
      <Drawer
        open={open !== null}
        onClose={() => setOpenId(null)}
        width={Math.min(640, window.innerWidth)}
        title={t('emo.claim.detail')}
        data-testid="claim-drawer"
      >
        {open ? (
          <ClaimSteps
            claim={open}
            canEdit={canEdit}
            insurer={policies.data?.items.find((p) => p.id === open.policyId)?.insurer ?? ''}
          />
        ) : null}
      </Drawer>
    </Space>
  );
}
