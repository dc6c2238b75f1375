import { Select } from 'antd';
import { useEffect } from 'react';
import { useAsync } from '../common/useAsync.ts';
import { heating } from './api.ts';

/** Picks a season; defaults to the latest one. */
export function SeasonSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const data = useAsync(() => heating.setUp(), []);
  const seasons = data.data?.seasons ?? [];
  useEffect(() => {
    if (!value && seasons[0]) onChange(seasons[0].id);
  }, [value, seasons, onChange]);
  return (
    <Select
      data-testid="season-select"
      style={{ minWidth: 260 }}
      value={value}
      onChange={onChange}
      loading={data.loading}
      options={seasons.map((s) => ({ value: s.id, label: `${s.period} · ${s.area}` }))}
    />
  );
}
