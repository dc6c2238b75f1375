import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { Id } from '../../api/types.ts';
import { workOrders } from '../../api/workorders.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

/** Technicians and inspectors of the enterprise, or for a hand-over every staff login (GET /work-orders/assignees). */
export function AssigneeSelect(props: {
  value?: Id;
  onChange?: (v: Id) => void;
  exclude?: Id | null;
  purpose?: 'dispatch' | 'handover';
  /** The order's item: a repair lists technicians only. */
  itemCode?: string;
}) {
  const { t, lang } = useI18n();
  const purpose = props.purpose ?? 'dispatch';
  const people = useQuery({
    queryKey: ['work-orders', 'assignees', purpose, props.itemCode ?? ''],
    queryFn: () => workOrders.assignees(purpose, props.itemCode),
  });
  const options = (people.data?.items ?? [])
    .filter((p) => props.exclude == null || String(p.id) !== String(props.exclude))
    .map((p) => ({
      value: p.id,
      // G-5.6.1: someone whose certificate has expired is shown with the reason and cannot be picked.
      // G-5.12.3: who is on a rush-repair shift now is marked; for an urgent order the others are unavailable.
      label: `${p.displayName}（${t(`role.${p.role}` as MessageKey)}）${p.onDuty ? ` ${t('wo.onDuty')}` : ''}${p.unavailable ? ` — ${p.unavailable[lang]}` : ''}`,
      title: p.displayName,
      disabled: Boolean(p.unavailable),
    }));
  return (
    <Select
      showSearch
      optionFilterProp="label"
      loading={people.isFetching}
      value={props.value}
      onChange={props.onChange}
      options={options}
      placeholder={t('wo.pickAssignee')}
      data-testid="assignee-select"
      status={people.error ? 'error' : undefined}
    />
  );
}
