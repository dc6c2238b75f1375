import { Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { ReadingEntry } from './ReadingEntry.tsx';
import { RouteEntry } from './RouteEntry.tsx';
import { SelfReadingsReview } from '../../residents/SelfReadingsReview.tsx';

/** /readings — meter reading: one at a time with the high/low check, or a reader's whole route (G-6.2.3, G-6.2.5). */
export function ReadingsPage() {
  const { t } = useI18n();
  return (
    <div data-testid="page-readings">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.readings')}</Typography.Title>
      </div>
      <Tabs
        items={[
          { key: 'single', label: t('meter.tabSingle'), children: <ReadingEntry /> },
          { key: 'route', label: t('meter.tabRoute'), children: <RouteEntry /> },
          { key: 'self', label: t('meter.tabSelf'), children: <SelfReadingsReview /> },
        ]}
      />
    </div>
  );
}
