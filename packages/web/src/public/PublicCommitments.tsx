import { Card, List, Typography } from 'antd';
import type { Ok } from '../api/contract.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

type Info = Ok<'/api/public/enterprises/{id}'>;

/**
 * G-5.12.3: the 24 h duty phones from the roster; H-6.1.7: newly connected communities' maintenance commitments —
 * the developer's with its period, or the property company inheriting the duty — shown to residents.
 */
export function PublicCommitments({ info }: { info: Info }) {
  const { t } = useI18n();
  return (
    <>
      {info.dutyPhones.length > 0 ? (
        <Card size="small" title={t('pubo.duty')} data-testid="public-duty-phones">
          {info.dutyPhones.map((p) => (
            <div key={p}>
              <a href={`tel:${p}`}>{p}</a>
            </div>
          ))}
        </Card>
      ) : null}
      {info.maintenanceCommitments.length > 0 ? (
        <Card size="small" title={t('pubo.commitments')} data-testid="public-commitments">
          <List
            size="small"
            dataSource={info.maintenanceCommitments}
            renderItem={(c) => (
              <List.Item>
                <div>
                  <Typography.Text strong>{c.community}</Typography.Text>
                  {'　'}
                  {t(`emo.commit.party.${c.party}` as MessageKey)}：{c.partyName}（{c.partyPhone}）
                  {c.endsOn ? `，${t('emo.commit.endsOn')} ${c.endsOn}` : ''}
                  <div>{c.terms}</div>
                </div>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
