import { Alert, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CasesTab } from './CasesTab.tsx';
import { DashboardTab } from './DashboardTab.tsx';
import { PlanTab } from './PlanTab.tsx';
import { SensorsTab } from './SensorsTab.tsx';

const TABS = ['dashboard', 'plan', 'sensors', 'cases'] as const;

/** /quality — room-temperature quality of a heating company (H-5.4, H-7.2.3, H-10.5.3). */
export function QualityPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? params.get('tab')!
    : 'dashboard';
  const role = user?.role;
  const heating = user?.enterpriseKind === 'heating' || role === 'regulator';
  return (
    <div data-testid="page-quality">
      <Typography.Title level={4}>{t('menu.quality')}</Typography.Title>
      {!heating ? (
        <Alert type="info" showIcon message={t('q.notHeating')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          destroyInactiveTabPane
          items={[
            { key: 'dashboard', label: t('q.tab.dashboard'), children: <DashboardTab /> },
            ...(role === 'regulator'
              ? []
              : [
                  {
                    key: 'plan',
                    label: t('q.tab.plan'),
                    children: (
                      <PlanTab
                        canPlan={role === 'enterprise_admin' || role === 'dispatcher' || role === 'inspector'}
                      />
                    ),
                  },
                ]),
            { key: 'sensors', label: t('q.tab.sensors'), children: <SensorsTab /> },
            {
              key: 'cases',
              label: t('q.tab.cases'),
              children: <CasesTab canHandle={role === 'enterprise_admin' || role === 'dispatcher'} />,
            },
          ].map((i) => ({ ...i, label: <span data-testid={`quality-tab-${i.key}`}>{i.label}</span> }))}
        />
      )}
    </div>
  );
}
