import { useQuery } from '@tanstack/react-query';
import { platformKeys, staffApi } from '../../api/platform.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';

/**
 * The agent's badge number for the reception script (G-5.5.4). Logins are not linked to the staff registry, so
 * the agent is found there by name within the enterprise; null when that finds nobody or several people.
 */
export function useBadge(enabled: boolean): string | null {
  const user = useUser();
  // A registry that cannot be read finds nobody.
  const staff = useQuery({ queryKey: platformKeys.staffList({}), queryFn: () => staffApi.list(), enabled });
  const matches = (enabled ? (staff.data?.items ?? []) : []).filter(
    (s) => s.active && s.name === user.displayName,
  );
  return matches.length === 1 ? matches[0]!.badgeNo : null;
}
