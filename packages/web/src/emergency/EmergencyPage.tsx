import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { useI18n } from '../i18n/index.tsx';
import { DutyTab } from './DutyTab.tsx';
import { IncidentsTab } from './IncidentsTab.tsx';
import { AlertsTab, ExercisesTab, PlansTab } from './ReadinessTabs.tsx';
import { WarningsTab } from './WarningsTab.tsx';
import { ClaimsTab } from './ClaimsTab.tsx';
import { HeatingOpsTab } from './HeatingOpsTab.tsx';

/**
 * Issue 20: emergency readiness — duty, alerts, plans, drills and incidents; the regulator reads across enterprises.
 * The tab is in the address (`?tab=exercises`), so a phone, whose tab bar hides the later tabs behind “more”, can be
 * sent straight to the drill form, and a reload keeps the tab.
 */
export function EmergencyPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const role = user?.role;
  const admin = role === 'enterprise_admin';
  const dispatcher = admin || role === 'dispatcher';
  const heating = user?.enterpriseKind === 'heating' || user?.enterpriseKind === 'heating_reseller';
  const [params, setParams] = useSearchParams();
  return (
    <div>
      <Typography.Title level={4}>{t('menu.emergency')}</Typography.Title>
      <Tabs
        activeKey={params.get('tab') ?? 'duty'}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        // On a phone the later tabs sit behind “more”: opened by a tap, not by hovering.
        more={{ trigger: ['click'] }}
        items={[
          { key: 'duty', label: t('em.tab.duty'), children: <DutyTab canEdit={dispatcher} /> },
          {
            key: 'alerts',
            label: t('em.tab.alerts'),
            children: <AlertsTab canAck={dispatcher || role === 'regulator'} />,
          },
          { key: 'incidents', label: t('em.tab.incidents'), children: <IncidentsTab canEdit={dispatcher} /> },
          { key: 'warnings', label: t('em.tab.warnings'), children: <WarningsTab canEdit={dispatcher} /> },
          { key: 'plans', label: t('em.tab.plans'), children: <PlansTab canEdit={admin} /> },
          { key: 'exercises', label: t('em.tab.exercises'), children: <ExercisesTab canEdit={admin} /> },
          ...(admin || role === 'regulator'
            ? [
                {
                  key: 'claims',
                  label: t('em.tab.claims'),
                  children: <ClaimsTab canEdit={admin} regulator={role === 'regulator'} />,
                },
              ]
            : []),
          // H-6.3.1, H-6.3.2, H-6.1.7, H-6.3.4: heating operations, for heating companies and the regulator.
          ...(heating || role === 'regulator'
            ? [
                {
                  key: 'heating',
                  label: t('emo.tab.heating'),
                  children: (
                    <HeatingOpsTab canEdit={heating && dispatcher} regulator={role === 'regulator'} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
