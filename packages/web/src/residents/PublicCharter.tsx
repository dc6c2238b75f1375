import { Card, List } from 'antd';
import type { Ok } from '../api/contract.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { pick } from '../service/orders/labels.ts';

type Info = Ok<'/api/public/enterprises/{id}'>;
type Part = keyof Info['charter'];

const PARTS: [Part, string][] = [
  ['commitments', 'public-charter-commitments'],
  ['quality', 'public-charter-quality'],
  ['rightsAndDuties', 'public-charter-rights'],
  ['safety', 'public-charter-safety'],
  ['policies', 'public-charter-policies'],
];

/**
 * G-5.4.5 b, c, e; G-5.10.6 d; H-7.5.5; H-7.7.2.4: the enterprise's service commitments and accountability, the quality
 * promised, both parties' rights and duties, safe and economical use, and the rules followed — as the API publishes
 * them (the server-rendered /info page shows the same).
 */
export function PublicCharter({ info }: { info: Info }) {
  const { t, lang } = useI18n();
  const heating = info.enterprise.kind === 'heating' || info.enterprise.kind === 'heating_reseller';
  return (
    <>
      {PARTS.map(([part, testId]) => (
        <Card
          key={part}
          size="small"
          data-testid={testId}
          title={t(
            (part === 'quality'
              ? `pub.charter.quality.${heating ? 'heating' : 'gas'}`
              : `pub.charter.${part}`) as MessageKey,
          )}
        >
          <List
            size="small"
            dataSource={info.charter[part]}
            renderItem={(m) => <List.Item>{pick(m, lang)}</List.Item>}
          />
        </Card>
      ))}
    </>
  );
}
