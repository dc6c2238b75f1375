// What each work-order event asks for, as data: the modal renders these fields and `toPayload` turns the form
// values into the event body of POST /work-orders/:id/events (docs/api.md; payloads in domain events.ts).
import dayjs, { type Dayjs } from 'dayjs';
import type { WorkOrderEventType } from '../../api/workorders.ts';
import { formatShanghai, pickerToShanghaiIso } from '../../common/format.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'assignee'
  | 'staff'
  | 'datetime'
  | 'satisfaction'
  | 'responsibility'
  | 'reasonable'
  | 'condition'
  | 'lines';

export interface FieldSpec {
  name: string[];
  label: MessageKey;
  kind: FieldKind;
  required?: boolean;
}

const reason: FieldSpec = { name: ['reason'], label: 'wo.f.reason', kind: 'textarea', required: true };
const assignee: FieldSpec = { name: ['assignee'], label: 'wo.f.assignee', kind: 'assignee', required: true };
const note: FieldSpec = { name: ['note'], label: 'wo.f.note', kind: 'textarea', required: true };

export const EVENT_FIELDS: Partial<Record<WorkOrderEventType, FieldSpec[]>> = {
  dispatched: [assignee],
  returned: [reason],
  transferred: [assignee, reason],
  redispatched: [assignee, reason],
  customer_contacted: [note],
  appointment_agreed: [{ name: ['agreedAt'], label: 'wo.f.agreedAt', kind: 'datetime', required: true }],
  // G-5.7.4, H-7.3.6: only before the deadline, with the reason and the new date.
  deadline_extended: [
    { name: ['extendedTo'], label: 'wo.f.extendedTo', kind: 'datetime', required: true },
    reason,
  ],
  handed_over: [
    { name: ['to'], label: 'wo.f.handOverTo', kind: 'staff', required: true },
    { name: ['dueBy'], label: 'wo.f.dueBy', kind: 'datetime', required: true },
  ],
  return_visited: [
    { name: ['satisfaction'], label: 'wo.f.satisfaction', kind: 'satisfaction', required: true },
    { name: ['note'], label: 'wo.f.note', kind: 'textarea' },
  ],
  responsibility_decided: [
    { name: ['responsibility'], label: 'wo.f.responsibility', kind: 'responsibility', required: true },
  ],
  // H-10.4.1, H-10.4.2, H-10.4.4: the basis always; the reason when unreasonable (the server says so if missing).
  complaint_judged: [
    { name: ['reasonable'], label: 'wo.f.reasonable', kind: 'reasonable', required: true },
    { name: ['basis'], label: 'wo.f.judgementBasis', kind: 'textarea', required: true },
    { name: ['reason'], label: 'wo.f.unreasonableReason', kind: 'textarea' },
  ],
  supervised: [note],
  referred: [
    { name: ['referral', 'to'], label: 'wo.f.referralTo', kind: 'text', required: true },
    { name: ['referral', 'contact'], label: 'wo.f.referralContact', kind: 'text' },
    { name: ['referral', 'note'], label: 'wo.f.note', kind: 'textarea' },
  ],
  refused: [
    { name: ['condition'], label: 'sc.conditionNotMet', kind: 'condition' },
    reason,
    { name: ['missingDocuments'], label: 'wo.f.missingDocuments', kind: 'lines' },
    { name: ['writtenNoticeRef'], label: 'wo.f.writtenNoticeRef', kind: 'text' },
  ],
  cancelled: [reason],
};

/** Events with their own form component rather than a field list. */
export const CUSTOM_FORMS: readonly WorkOrderEventType[] = ['completed', 'feedback_given'];

/** Events that need a confirmation although they carry nothing: they end or archive the order. */
export const CONFIRM_ONLY: readonly WorkOrderEventType[] = ['closed'];

export function needsForm(type: WorkOrderEventType): boolean {
  return type in EVENT_FIELDS || CUSTOM_FORMS.includes(type);
}

/** Picker value for an ISO instant, shown as Beijing wall-clock time. */
export function toPicker(iso: string | null | undefined): Dayjs | undefined {
  return iso ? dayjs(formatShanghai(iso, false)) : undefined;
}

function clean(value: unknown): unknown {
  if (dayjs.isDayjs(value)) return pickerToShanghaiIso(value);
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? undefined : s;
  }
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('_')) continue; // form-only switches
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value;
}

/** Form values → event payload: dates as ISO +08:00, blank text left out, one-per-line lists split. */
export function toPayload(
  type: WorkOrderEventType,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const v = { ...values };
  for (const spec of EVENT_FIELDS[type] ?? []) {
    if (spec.kind !== 'lines') continue;
    const key = spec.name[0]!;
    const text = typeof v[key] === 'string' ? (v[key] as string) : '';
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    v[key] = lines.length > 0 ? lines : undefined;
  }
  return (clean(v) as Record<string, unknown> | undefined) ?? {};
}
