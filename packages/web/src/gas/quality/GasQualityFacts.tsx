import { Descriptions } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { megajoules, percent, pressure, type GasQualityReport } from './gasQuality.ts';

/** One published gas-quality result as customers read it (G-5.1.8). */
export function GasQualityFacts({ report }: { report: GasQualityReport }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={1} data-testid="gas-quality-facts">
      <Descriptions.Item label={t('gq.gasType')}>{report.gasType}</Descriptions.Item>
      <Descriptions.Item label={t('gq.composition')}>
        {report.composition.map((c) => `${c.name} ${percent(c.basisPoints)}`).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={t('gq.calorific')}>{megajoules(report.calorificKjPerM3)}</Descriptions.Item>
      <Descriptions.Item label={t('gq.pressure')}>{pressure(report.supplyPressurePa)}</Descriptions.Item>
      <Descriptions.Item label={t('gq.tested')}>
        {report.testedOn} · {report.testedBy}
      </Descriptions.Item>
    </Descriptions>
  );
}
