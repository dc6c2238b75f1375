import { Alert, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { useI18n } from '../i18n/index.tsx';
import { BillsTab } from './BillsTab.tsx';
import { DisputesTab } from './DisputesTab.tsx';
import { RefundsTab } from './RefundsTab.tsx';
import { SeasonsTab } from './SeasonsTab.tsx';
import { SuspensionsTab } from './SuspensionsTab.tsx';
import { OutagesTab } from './OutagesTab.tsx';

const TABS = ['seasons', 'bills', 'suspensions', 'disputes', 'refunds', 'outages'] as const;

/** /heating — seasons and prices, season bills, suspension queue, heat-meter disputes, refunds (issue 5). */
export function HeatingPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'seasons';
  const role = user?.role;
  const heating =
    ['heating', 'heating_reseller'].includes(user?.enterpriseKind ?? '') || role === 'regulator';
  const canWrite = role === 'enterprise_admin' || role === 'billing_clerk';
  const children = {
    seasons: <SeasonsTab canWrite={canWrite} />,
    bills: <BillsTab canWrite={canWrite} />,
    suspensions: <SuspensionsTab />,
    disputes: <DisputesTab canWrite={canWrite} />,
    refunds: <RefundsTab canWrite={canWrite} />,
    outages: <OutagesTab canWrite={role === 'enterprise_admin' || role === 'dispatcher'} />,
  };
  return (
    <div data-testid="page-heating">
      <Typography.Title level={4}>{t('menu.heating')}</Typography.Title>
      {!heating ? (
        <Alert type="info" showIcon message={t('h.notHeating')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          destroyInactiveTabPane
          items={TABS.map((key) => ({
            key,
            label: <span data-testid={`heating-tab-${key}`}>{t(`h.tab.${key}`)}</span>,
            children: children[key],
          }))}
        />
      )}
    </div>
  );
}
