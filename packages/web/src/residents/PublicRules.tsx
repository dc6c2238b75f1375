import { Card, List, Space, Tag, Typography } from 'antd';
import type { Ok } from '../api/contract.ts';
import { useI18n } from '../i18n/index.tsx';

type Info = Ok<'/api/public/enterprises/{id}'>;

/**
 * H-10.4.4: the complaint rules and each complaint item's completion limit (from the catalogue the clocks use);
 * G-7.1.13: a bottled-gas enterprise's residue standard and its compensation.
 */
export function PublicRules({ info }: { info: Info }) {
  const { t, lang } = useI18n();
  const pick = (m: { zh: string; en: string }) => (lang === 'zh' ? m.zh : m.en);
  const { complaints, bottledGas } = info;
  return (
    <>
      <Card size="small" title={t('pub.complaints')} data-testid="public-complaints">
        <Space direction="vertical" size={6} style={{ width: '100%' }}>
          {complaints.limits.map((l) => (
            <div key={l.code} data-testid="public-complaint-limit">
              <Typography.Text strong>{pick(l.name)}</Typography.Text>
              {l.clocks.map((c) => (
                <div key={c.clause + pick(c.description)}>
                  {pick(c.description)}：<Tag color="blue">{pick(c.limitText)}</Tag>
                  <Typography.Text type="secondary">{c.clause}</Typography.Text>
                </div>
              ))}
            </div>
          ))}
          <List
            size="small"
            dataSource={complaints.rules}
            renderItem={(r, i) => <List.Item key={i}>{pick(r)}</List.Item>}
          />
          <div>
            <Typography.Text type="secondary">{t('pub.complaintCategories')}</Typography.Text>{' '}
            {complaints.categories.map((c) => (
              <Tag key={c.code}>{pick(c.label)}</Tag>
            ))}
          </div>
        </Space>
      </Card>
      {bottledGas ? (
        <Card size="small" title={t('pub.residue')} data-testid="public-residue">
          <List
            size="small"
            dataSource={bottledGas.rules}
            renderItem={(r, i) => <List.Item key={i}>{pick(r)}</List.Item>}
          />
        </Card>
      ) : null}
    </>
  );
}
