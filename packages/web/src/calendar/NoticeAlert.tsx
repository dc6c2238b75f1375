import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { CalendarStatus } from '../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { useAsync } from '../common/useAsync.ts';
import { useI18n } from '../i18n/index.tsx';
import { pick } from '../orders/labels.ts';

/**
 * From 1 November, while next year's State Council holiday notice is not imported, the regulator (who keeps the
 * calendar) and enterprise administrators see why some deadlines are marked provisional and where to fix it.
 */
export function NoticeAlert() {
  const { t, lang } = useI18n();
  const user = useUser();
  const concerned = user.role === 'regulator' || user.role === 'enterprise_admin';
  const status = useAsync(
    () => (concerned ? api.get<CalendarStatus>('/calendar/status') : Promise.resolve(undefined)),
    [concerned],
  );
  const alert = status.data?.alert;
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
