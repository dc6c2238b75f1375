import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect } from 'react';
import { heatingKeys, heating } from './api.ts';

/** Picks a season; defaults to the latest one. */
export function SeasonSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const data = useQuery({ queryKey: heatingKeys.setUp, queryFn: () => heating.setUp() });
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
      loading={data.isFetching}
      options={seasons.map((s) => ({ value: s.id, label: `${s.period} · ${s.area}` }))}
    />
  );
}
