import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Drawer, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { useDebounced } from '../../common/useDebounced.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { canWriteMeters } from './access.ts';
import type { Query } from '../../api/contract.ts';
import { metering, meteringKeys, type Meter } from './api.ts';
import { MeterDetail } from './MeterDetail.tsx';
import { MeterCreateModal } from './MeterForms.tsx';

const STATUS_COLOR: Record<string, string> = {
  in_service: 'green',
  in_verification: 'orange',
  removed: 'default',
  in_stock: 'blue',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`meter.status.${status}` as MessageKey)}</Tag>;
}

/** G-6.2.2: verification or replacement due — red when overdue, orange within 30 days. */
export function DueTag({ days }: { days: number | null }) {
  const { t } = useI18n();
  if (days === null || days > 30) return null;
  return days < 0 ? (
    <Tag color="red">{t('meter.overdue', { n: -days })}</Tag>
  ) : (
    <Tag color="orange">{t('meter.dueIn', { n: days })}</Tag>
  );
}

/** /meters — the meter register: verification due, prepaid settings, installation and verification history (G-6.2.2). */
export function MetersPage() {
  const { t } = useI18n();
  const user = useUser();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [status, setStatus] = useState<Query<'/api/meters'>['status']>();
  const [due, setDue] = useState(false);
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const query = { q: q || undefined, status, dueWithinDays: due ? 30 : undefined, limit: 200 };
  const list = useQuery({
    queryKey: meteringKeys.meterList(query),
    queryFn: () => metering.meters(query),
    placeholderData: keepPreviousData,
  });
  return (
    <div data-testid="page-meters">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.meters')}</Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('meter.searchHint')}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('meter.statusLabel')}
            value={status}
            onChange={setStatus}
            options={(['in_service', 'in_verification', 'in_stock', 'removed'] as const).map((s) => ({
              value: s,
              label: t(`meter.status.${s}` as MessageKey),
            }))}
          />
          <Space>
            <Switch checked={due} onChange={setDue} data-testid="meters-due" />
            {t('meter.dueFilter')}
          </Space>
          {canWriteMeters(user.role) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('meter.create')}
            </Button>
          ) : null}
        </Space>
      </div>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Meter>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20 }}
        onRow={(m) => ({ onClick: () => setViewing(m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('meter.serialNo'), dataIndex: 'serialNo' },
          {
            title: t('meter.statusLabel'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
          {
            title: t('meter.customer'),
            key: 'c',
            render: (_, m) => (m.customerName ? `${m.accountNo} ${m.customerName}` : '—'),
          },
          { title: t('meter.model'), dataIndex: 'model' },
          {
            title: t('meter.nextDue'),
            key: 'due',
            render: (_, m) => (
              <Space size={4}>
                {[m.nextVerificationDue, m.replaceBy].filter(Boolean).sort()[0] ?? '—'}
                <DueTag days={m.dueInDays} />
              </Space>
            ),
          },
          {
            title: t('meter.features'),
            key: 'f',
            render: (_, m) => (
              <>
                {m.remoteReading ? <Tag color="cyan">{t('meter.remote')}</Tag> : null}
                {m.prepaid ? <Tag color="gold">{t('meter.prepaid')}</Tag> : null}
              </>
            ),
          },
        ]}
      />
      <MeterCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => setCreating(false)}
      />
      <Drawer open={viewing !== null} width={560} onClose={() => setViewing(null)} title={t('meter.detail')}>
        {viewing ? <MeterDetail id={viewing} /> : null}
      </Drawer>
    </div>
  );
}
