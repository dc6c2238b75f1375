import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorText, ErrorAlert } from '../../common/errors.tsx';
import { todayShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { m3, metering, meteringKeys, type BulkRow, type RouteMeter } from './api.ts';
import { KindTag } from './ReadingHistory.tsx';

type Entry = { register?: number; confirm?: boolean; note?: string };

/** A reader's route: the meters of one community with their last reading; many registers entered at once. */
export function RouteEntry() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [area, setArea] = useState<string | undefined>();
  const [readOn, setReadOn] = useState(dayjs(todayShanghai()));
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [results, setResults] = useState<Record<string, BulkRow>>({});
  const queries = useQueryClient();
  const [district, community] = area ? area.split('|') : [undefined, undefined];
  const route = useQuery({
    queryKey: meteringKeys.route({ district, community }),
    queryFn: () => metering.route({ district, community }),
  });
  const bulk = useMutation({
    mutationFn: metering.bulk,
    onSuccess: (res) => {
      setResults(Object.fromEntries(res.rows.map((r) => [r.meterId, r])));
      setEntries((all) =>
        Object.fromEntries(
          Object.entries(all).filter(([id]) => !res.rows.find((r) => r.meterId === id && r.ok)),
        ),
      );
      message.info(t('meter.bulkDone', { saved: res.saved, failed: res.failed }));
      void queries.invalidateQueries({ queryKey: meteringKeys.readings });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const busy = bulk.isPending;
  const set = (id: string, e: Entry) => setEntries((all) => ({ ...all, [id]: { ...all[id], ...e } }));

  const submit = () => {
    const rows = Object.entries(entries)
      .filter(([, e]) => e.register !== undefined && e.register !== null)
      .map(([meterId, e]) => ({
        meterId,
        readOn: readOn.format('YYYY-MM-DD'),
        kind: (route.data?.items.find((m) => m.meterId === meterId)?.remoteReading ? 'remote' : 'actual') as
          'remote' | 'actual',
        register: Math.round(e.register! * 1000),
        note: e.note ?? '',
        confirm: e.confirm ?? false,
      }));
    if (rows.length === 0) return;
    bulk.mutate(rows);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="route-entry">
      <Space wrap>
        <Select
          allowClear
          showSearch
          style={{ width: 320 }}
          placeholder={t('meter.pickArea')}
          value={area}
          onChange={(v) => {
            setArea(v);
            setResults({});
          }}
          options={(route.data?.areas ?? []).map((a) => ({
            value: `${a.district}|${a.community}`,
            label: `${a.district} ${a.community}（${a.meters}）`,
          }))}
          data-testid="route-area"
        />
        <DatePicker value={readOn} onChange={(d) => d && setReadOn(d)} allowClear={false} />
        <Button type="primary" loading={busy} onClick={submit} data-testid="route-save">
          {t('meter.bulkSave')}
        </Button>
      </Space>
      <ErrorAlert error={route.error} onRetry={() => void route.refetch()} />
      <Table<RouteMeter>
        rowKey="meterId"
        size="small"
        loading={route.isFetching}
        dataSource={route.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('meter.serialNo'), dataIndex: 'serialNo' },
          { title: t('meter.customer'), key: 'c', render: (_, m) => `${m.accountNo} ${m.customerName}` },
          { title: t('meter.address'), dataIndex: 'address' },
          {
            title: t('meter.lastReading'),
            key: 'last',
            render: (_, m) =>
              m.lastReadOn ? (
                <Space size={4}>
                  {m.lastReadOn} {m3(m.lastRegister)} {m.lastKind ? <KindTag kind={m.lastKind} /> : null}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('meter.registerM3'),
            key: 'reg',
            render: (_, m) => (
              <InputNumber
                min={0}
                precision={3}
                value={entries[m.meterId]?.register}
                onChange={(v) => set(m.meterId, { register: v ?? undefined })}
                style={{ width: 140 }}
              />
            ),
          },
          {
            title: t('meter.result'),
            key: 'res',
            render: (_, m) => {
              const r = results[m.meterId];
              if (!r) return null;
              if (r.ok) return <Tag color="green">{t('meter.savedUsage', { v: m3(r.usage) })}</Tag>;
              return (
                <Space direction="vertical" size={2}>
                  <Typography.Text type="danger">{r.message?.[lang]}</Typography.Text>
                  {r.flags.length > 0 ? (
                    <Space>
                      <Checkbox
                        checked={entries[m.meterId]?.confirm}
                        onChange={(e) => set(m.meterId, { confirm: e.target.checked })}
                      >
                        {t('meter.confirmKeep')}
                      </Checkbox>
                      <Input
                        size="small"
                        placeholder={t('meter.note')}
                        onChange={(e) => set(m.meterId, { note: e.target.value })}
                      />
                    </Space>
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}
