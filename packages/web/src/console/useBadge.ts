import { api } from '../api/client.ts';
import type { Items, Staff } from '../api/types.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { useAsync } from '../common/useAsync.ts';

/**
 * The agent's badge number for the reception script (G-5.5.4). Logins are not linked to the staff registry, so
 * the agent is found there by name within the enterprise; null when that finds nobody or several people.
 */
export function useBadge(enabled: boolean): string | null {
  const user = useUser();
  const staff = useAsync(
    () =>
      enabled
        ? api.get<Items<Staff>>('/staff').catch(() => ({ items: [] as Staff[] }))
        : Promise.resolve(null),
    [user.id, enabled],
  );
  const matches = (staff.data?.items ?? []).filter((s) => s.active && s.name === user.displayName);
  return matches.length === 1 ? matches[0]!.badgeNo : null;
}
