import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';
import { cylinders, kg } from '../gas/cylinders/cylinders.ts';

/** G-7.1.13: anyone scans a cylinder and sees who filled it, when, and whether it may be used; no sign-in. */
export function CylinderLookupPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const asked = params.get('code') ?? '';
  const found = useQuery({
    queryKey: ['public-cylinder', asked],
    queryFn: () => cylinders.lookup(asked),
    enabled: /^[A-Za-z0-9-]{4,40}$/.test(asked),
  });
  const pick = (m: { zh: string; en: string }) => (lang === 'zh' ? m.zh : m.en);
  const d = found.data;
  return (
    <div style={{ maxWidth: 520, margin: '24px auto', padding: 12 }} data-testid="cylinder-lookup">
      <Typography.Title level={4}>{t('pc.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('pc.hint')}</Typography.Paragraph>
      <Input.Search
        size="large"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        enterButton={t('pc.lookup')}
        onSearch={(v) => setParams({ code: v.trim() })}
        data-testid="pc-code"
      />
      {d && (
        <Card style={{ marginTop: 12 }}>
          <Alert
            type={d.usable ? 'success' : 'error'}
            showIcon
            message={d.usable ? t('pc.usable') : t('pc.notUsable')}
            description={d.reason ? pick(d.reason) : undefined}
            data-testid="pc-verdict"
          />
          {d.registered && (
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('pc.company')}>
                {d.company?.name} {d.company?.hotline}
              </Descriptions.Item>
              <Descriptions.Item label={t('cy.model')}>{d.model}</Descriptions.Item>
              <Descriptions.Item label={t('pc.lastFilledOn')}>{d.lastFilledOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cy.netWeight')}>{kg(d.lastNetWeightG)}</Descriptions.Item>
              <Descriptions.Item label={t('cy.nextInspectionOn')}>{d.nextInspectionOn}</Descriptions.Item>
              <Descriptions.Item label={t('cy.scrapDueOn')}>{d.scrapDueOn}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      )}
      {d && (
        <Card size="small" style={{ marginTop: 12 }} title={t('pc.standards')}>
          <List
            size="small"
            dataSource={[
              t('pc.inspectionYears', { n: d.standards.inspectionYears }),
              t('pc.designLife', { n: d.standards.designLifeYears }),
              t('pc.residue', { n: d.standards.residueLimitPercent }),
              ...Object.values(d.standards.sources).map(pick),
              ...d.standards.models.map((m) => `${m.model}: ${kg(m.ratedFillG)} ±${kg(m.toleranceG)}`),
            ]}
            renderItem={(s) => <List.Item>{s}</List.Item>}
          />
        </Card>
      )}
    </div>
  );
}
