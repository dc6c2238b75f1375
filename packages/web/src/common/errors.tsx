import { Alert, Button, type FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';
import { useI18n, type Lang } from '../i18n/index.tsx';

export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) return err.text(lang);
  if (err instanceof Error) return err.message;
  return String(err);
}

function normalizePath(path: string | (string | number)[]): (string | number)[] {
  const segs = Array.isArray(path) ? path : path.split(/[./[\]]+/).filter(Boolean);
  const out = segs.map((s) => (typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s));
  return out[0] === 'body' ? out.slice(1) : out;
}

/**
 * Puts server-side validation errors on the matching form fields.
 * `codeFields` maps domain error codes (e.g. CREDIT_CODE_INVALID) to a field.
 * Returns the message to show globally when nothing could be attached to a field, else null.
 */
export function applyServerErrors(
  form: FormInstance,
  err: unknown,
  lang: Lang,
  fields: string[],
  codeFields: Record<string, string> = {},
): string | null {
  if (!(err instanceof ApiError)) return errorText(err, lang);
  const direct = codeFields[err.code];
  if (direct) {
    form.setFields([{ name: direct, errors: [err.text(lang)] }]);
    return null;
  }
  const d = err.details as { field?: unknown; fields?: unknown } | null | undefined;
  const named = [d?.field, ...(Array.isArray(d?.fields) ? d.fields : [])].filter(
    (f): f is string => typeof f === 'string' && fields.includes(f),
  );
  if (named.length > 0) {
    form.setFields(named.map((name) => ({ name, errors: [err.text(lang)] })));
    return null;
  }
  const issues = err.fieldIssues();
  let attached = 0;
  for (const issue of issues) {
    const path = normalizePath(issue.path);
    const top = path[0];
    if (typeof top === 'string' && fields.includes(top)) {
      const text = issue.messages?.[lang] ?? issue.message;
      form.setFields([{ name: path, errors: [text] }]);
      attached++;
    }
  }
  if (attached > 0 && attached === issues.length) return null;
  return err.text(lang);
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={t('common.loadFailed')}
      description={errorText(error, lang)}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
