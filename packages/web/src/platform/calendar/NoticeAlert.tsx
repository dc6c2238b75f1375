import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { http, ok } from '../../api/client.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../../service/orders/labels.ts';

/**
 * From 1 November, while next year's State Council holiday notice is not imported, the regulator (who keeps the
 * calendar) and enterprise administrators see why some deadlines are marked provisional and where to fix it.
 */
export function NoticeAlert() {
  const { t, lang } = useI18n();
  const user = useUser();
  const concerned = user.role === 'regulator' || user.role === 'enterprise_admin';
  // Under the calendar's key: an import or an override refreshes it.
  const status = useQuery({
    queryKey: [...keys.calendar, 'status'],
    queryFn: () => ok(http.GET('/api/calendar/status')),
    enabled: concerned,
  });
  const alert = concerned ? status.data?.alert : undefined;
  if (!alert) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-notice-alert"
      message={pick(alert, lang)}
      action={<Link to="/calendar">{t('cal.goImport')}</Link>}
    />
  );
}
