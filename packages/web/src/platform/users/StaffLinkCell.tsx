import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Select, Tag } from 'antd';
import { platformKeys, staffApi, users } from '../../api/platform.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Account = {
  id: string;
  role: string;
  enterpriseId: string;
  staffId: string | null;
  staffName: string | null;
  badgeNo: string | null;
};

/**
 * The staff record a login belongs to (G-5.6.1: its certificates decide who may be dispatched; G-5.11.2: its badge is
 * shown to households). Residents have none.
 */
/** `held`: the records other logins hold already (one record, one login), shown but not selectable. */
export function StaffLinkCell({ account, held }: { account: Account; held: ReadonlySet<string> }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const staff = useQuery({
    queryKey: platformKeys.staffList({ enterpriseId: account.enterpriseId }),
    queryFn: () => staffApi.list({ enterpriseId: account.enterpriseId }),
    enabled: account.role !== 'resident',
  });
  const link = useMutation({
    mutationFn: (staffId: string | null) => users.linkStaff(account.id, staffId),
    onSuccess: () => {
      message.success(t('user.staffLinked'));
      void queries.invalidateQueries({ queryKey: platformKeys.users });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  if (account.role === 'resident') return <Tag>{t('user.noStaffRecord')}</Tag>;
  const options = (staff.data?.items ?? [])
    .filter((s) => s.active)
    .map((s) => ({
      value: s.id,
      label: `${s.name}（${s.badgeNo}，${s.post}）`,
      disabled: held.has(s.id) && s.id !== account.staffId,
    }));
  // Until the registry loads, the current link still reads as a name, never as an id.
  if (account.staffId && !options.some((o) => o.value === account.staffId)) {
    options.unshift({
      value: account.staffId,
      label: `${account.staffName ?? ''}（${account.badgeNo ?? ''}）`,
      disabled: false,
    });
  }
  return (
    <Select
      allowClear
      showSearch
      size="small"
      style={{ minWidth: 180 }}
      placeholder={t('user.staffUnlinked')}
      loading={staff.isFetching || link.isPending}
      value={account.staffId ?? undefined}
      optionFilterProp="label"
      data-testid={`user-staff-${account.id}`}
      options={options}
      onChange={(v: string | undefined) => link.mutate(v ?? null)}
    />
  );
}
