import { Alert } from 'antd';
import type { ComplaintInfo } from '../../api/workorders.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from './labels.ts';

/**
 * G-5.7.3 and H-7.4.5 on this call: a repeat complainant is told the solution and a contact; a matter reported
 * 3 or more times unresolved is flagged.
 */
export function RepeatNotice({ complaint }: { complaint: ComplaintInfo | null | undefined }) {
  const { t, lang } = useI18n();
  const r = complaint?.repeat;
  if (!r || r.obligations.length === 0) return null;
  return (
    <Alert
      type={r.repeatedUnresolved ? 'error' : 'warning'}
      showIcon
      data-testid="repeat-notice"
      message={r.obligations.map((o) => pick(o, lang)).join(' ')}
      description={
        <>
          {r.priorOrderNos.length > 0 ? (
            <div>{t('wo.priorOrders', { nos: r.priorOrderNos.join('、') })}</div>
          ) : null}
          {r.solution ? <div>{t('wo.kv', { k: t('wo.repeatSolution'), v: r.solution })}</div> : null}
          {r.contact ? <div>{t('wo.kv', { k: t('wo.repeatContact'), v: r.contact })}</div> : null}
        </>
      }
    />
  );
}
