import { Select } from 'antd';
import type { Id } from '../api/types.ts';
import { workOrders } from '../api/workorders.ts';
import { useAsync } from '../common/useAsync.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

/** Technicians and inspectors of the enterprise, or for a hand-over every staff login (GET /work-orders/assignees). */
export function AssigneeSelect(props: {
  value?: Id;
  onChange?: (v: Id) => void;
  exclude?: Id | null;
  purpose?: 'dispatch' | 'handover';
}) {
  const { t } = useI18n();
  const purpose = props.purpose ?? 'dispatch';
  const people = useAsync(() => workOrders.assignees(purpose), [purpose]);
  const options = (people.data?.items ?? [])
    .filter((p) => props.exclude == null || String(p.id) !== String(props.exclude))
    .map((p) => ({
      value: p.id,
      label: `${p.displayName}（${t(`role.${p.role}` as MessageKey)}）`,
      title: p.displayName,
    }));
  return (
    <Select
      showSearch
      optionFilterProp="label"
      loading={people.loading}
      value={props.value}
      onChange={props.onChange}
      options={options}
      placeholder={t('wo.pickAssignee')}
      data-testid="assignee-select"
      status={people.error ? 'error' : undefined}
    />
  );
}
