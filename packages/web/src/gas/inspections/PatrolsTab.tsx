import { useState } from 'react';
import { Button, Card, Drawer, Grid, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { patrols, type Patrol } from '../../api/patrols.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { HazardDrawer } from './HazardDrawer.tsx';
import { GRADE_COLOURS, label } from './labels.ts';
import { PatrolForm } from './PatrolForm.tsx';

/** G-5.11.10: the patrols of the network with their findings (hazards of the ledger); recorded on the phone. */
export function PatrolsTab() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['patrols', 'list'], queryFn: () => patrols.list({ limit: 100 }) });
  const canWrite = user?.role !== 'regulator';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canWrite ? (
        <Button type="primary" size="large" onClick={() => setAdding(true)} data-testid="patrol-new">
          {t('pt.new')}
        </Button>
      ) : null}
      <ErrorAlert error={list.error} />
      <List<Patrol>
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="patrol-list"
        renderItem={(p) => (
          <List.Item onClick={() => setOpen(p.id)} style={{ cursor: 'pointer' }} data-testid="patrol-row">
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Space wrap>
                <b>{p.route}</b>
                <Tag>{p.area}</Tag>
                {user?.role === 'regulator' ? <Tag>{p.enterpriseName}</Tag> : null}
              </Space>
              <Typography.Text type="secondary">
                {formatShanghai(p.startedAt)} – {formatShanghai(p.endedAt).slice(11)} · {p.patrollerName}
              </Typography.Text>
              <Space wrap>
                <Tag color={p.findings ? 'orange' : 'green'}>
                  {p.findings ? `${t('pt.findings')} ${p.findings}` : t('pt.none')}
                </Tag>
                {p.majors ? <Tag color="red">{`${t('pt.majors')} ${p.majors}`}</Tag> : null}
                {p.open ? <Tag>{`${t('pt.open')} ${p.open}`}</Tag> : null}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {adding ? <PatrolForm onClose={() => setAdding(false)} /> : null}
      {open ? <PatrolDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}

function PatrolDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const [hazard, setHazard] = useState<string | null>(null);
  const detail = useQuery({ queryKey: ['patrols', 'detail', id], queryFn: () => patrols.get(id) });
  const p = detail.data;
  return (
    <Drawer
      open
      onClose={onClose}
      width={phone ? '100%' : 520}
      title={t('pt.detail')}
      data-testid="patrol-drawer"
    >
      <ErrorAlert error={detail.error} />
      {p ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            {p.route} · {p.area}
          </Typography.Text>
          <Typography.Text type="secondary">
            {formatShanghai(p.startedAt)} – {formatShanghai(p.endedAt)} · {p.patrollerName}
          </Typography.Text>
          {p.note ? <Typography.Paragraph>{p.note}</Typography.Paragraph> : null}
          {p.hazards.length === 0 ? <Typography.Text>{t('pt.none')}</Typography.Text> : null}
          {p.hazards.map((h) => (
            <Card
              key={h.id}
              size="small"
              hoverable
              onClick={() => setHazard(h.id)}
              data-testid="patrol-hazard"
            >
              <Space wrap>
                <Tag color={GRADE_COLOURS[h.grade]}>{t(`in.grade.${h.grade}`)}</Tag>
                <b>{label(t, 'in.check', h.item)}</b>
                {h.overdue ? <Tag color="red">{t('in.overdueTag')}</Tag> : null}
                <Tag>{t(`in.status.${h.status}`)}</Tag>
              </Space>
              <div>{h.location}</div>
              <Typography.Text type="secondary">{h.description}</Typography.Text>
            </Card>
          ))}
        </Space>
      ) : null}
      {hazard ? <HazardDrawer id={hazard} onClose={() => setHazard(null)} /> : null}
    </Drawer>
  );
}
