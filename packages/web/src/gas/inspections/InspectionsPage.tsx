import { useState } from 'react';
import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AnnounceTab } from './AnnounceTab.tsx';
import { CoverageTab } from './CoverageTab.tsx';
import { HazardsTab } from './HazardsTab.tsx';
import { OdorantTab } from './OdorantTab.tsx';
import { PatrolsTab } from './PatrolsTab.tsx';
import { PlanTab } from './PlanTab.tsx';
import { PressureTab } from './PressureTab.tsx';
import { VisitsTab } from './VisitsTab.tsx';

const TABS = [
  'plan',
  'announce',
  'visits',
  'hazards',
  'patrols',
  'major',
  'pressure',
  'odorant',
  'coverage',
] as const;

/**
 * /inspections — the yearly plan and its progress, the hazard ledger and the major-hazard queue (G-5.11), and the
 * network's inlet pressure and odorant rounds (G-6.2.15, G-6.2.16), patrols of the network (G-5.11.10) and the supply
 * conditions (G-5.3.1, G-6.1.1).
 */
export function InspectionsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(() =>
    Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date())),
  );
  const regulator = user?.role === 'regulator';
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'plan';
  return (
    <div data-testid="page-inspections">
      <Typography.Title level={4}>{t('menu.inspections')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyInactiveTabPane
        items={[
          { key: 'plan', label: t('in.tab.plan'), children: <PlanTab year={year} setYear={setYear} /> },
          ...(regulator
            ? []
            : [
                { key: 'announce', label: t('an.tab'), children: <AnnounceTab /> },
                { key: 'visits', label: t('in.tab.visits'), children: <VisitsTab year={year} /> },
                { key: 'hazards', label: t('in.tab.hazards'), children: <HazardsTab /> },
              ]),
          { key: 'patrols', label: t('pt.tab'), children: <PatrolsTab /> },
          { key: 'major', label: t('in.tab.major'), children: <HazardsTab major /> },
          { key: 'pressure', label: t('nc.tab.pressure'), children: <PressureTab /> },
          { key: 'odorant', label: t('nc.tab.odorant'), children: <OdorantTab /> },
          { key: 'coverage', label: t('sc.tab'), children: <CoverageTab /> },
        ]}
      />
    </div>
  );
}
