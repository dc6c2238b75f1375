import { Tabs, Typography } from 'antd';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CataloguePanel } from './CataloguePanel.tsx';
import { ReturnVisitsPanel } from './ReturnVisitsPanel.tsx';
import { SalePanel } from './SalePanel.tsx';
import { WalkInPanel } from './WalkInPanel.tsx';

/** The appliance company's counter: sale (G-9.1.3), catalogue (G-9.1.1–G-9.1.3), walk-in repair (G-9.2.5), return
 * visits (G-9.3.1). */
export function ShopPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <div data-testid="page-applianceShop">
      <Typography.Title level={4}>{t('shop.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'sale', label: t('shop.tab.sale'), children: <SalePanel /> },
          {
            key: 'catalogue',
            label: t('shop.tab.catalogue'),
            children: <CataloguePanel manage={user?.role === 'enterprise_admin'} />,
          },
          { key: 'walkIn', label: t('shop.tab.walkIn'), children: <WalkInPanel /> },
          { key: 'visits', label: t('shop.tab.visits'), children: <ReturnVisitsPanel /> },
        ]}
      />
    </div>
  );
}
