import { useState } from 'react';
import { App, Button, Card, Drawer, InputNumber, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { networkChecks, type Household } from './networkChecks.ts';

/** The households drawn for a round (G-6.2.15 b), each checked once on the spot; works at phone width. */
export function DrawDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['network-checks', 'draw', id],
    queryFn: () => networkChecks.drawDetail(id),
  });
  const d = detail.data;
  return (
    <Drawer
      open
      width={Math.min(560, window.innerWidth)}
      onClose={onClose}
      title={t('nc.draw')}
      data-testid="draw-drawer"
    >
      <ErrorAlert error={detail.error} />
      {d ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {d.stationName} · {formatShanghai(d.drawnAt)}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="draw-seed">
            {t('nc.seed', { seed: d.seed, n: d.candidates })}
          </Typography.Text>
          {d.households.map((h) => (
            <HouseholdCard key={h.customerId} drawId={d.id} household={h} />
          ))}
        </Space>
      ) : null}
    </Drawer>
  );
}

function HouseholdCard({ drawId, household: h }: { drawId: string; household: Household }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [pa, setPa] = useState<number | null>(null);
  const record = useMutation({
    mutationFn: () =>
      networkChecks.recordPressure({
        drawId,
        customerId: h.customerId,
        measuredPa: pa ?? 0,
        checkedAt: new Date().toISOString(),
        note: '',
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['network-checks'] }),
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Card size="small" data-testid="draw-household">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={h.position === 'near' ? 'blue' : 'purple'}>{t(`nc.position.${h.position}`)}</Tag>
          <b>{h.name}</b>
          <span>{h.accountNo}</span>
        </Space>
        <Typography.Text type="secondary">{h.address}</Typography.Text>
        {h.check ? (
          <Space wrap data-testid="draw-result">
            <span>{(h.check.measuredPa / 1000).toFixed(2)} kPa</span>
            <Tag color={h.check.passed ? 'green' : 'red'}>{t(h.check.passed ? 'nc.pass' : 'nc.fail')}</Tag>
            <Typography.Text type="secondary">
              {t('nc.band', { min: h.check.minPa / 1000, max: h.check.maxPa / 1000 })} ·{' '}
              {formatShanghai(h.check.checkedAt)}
            </Typography.Text>
          </Space>
        ) : user?.role !== 'regulator' ? (
          <Space wrap>
            <InputNumber
              min={0}
              max={20000}
              value={pa}
              onChange={setPa}
              addonAfter="Pa"
              placeholder={t('nc.measured')}
              inputMode="numeric"
              data-testid="draw-pa"
            />
            <Button
              type="primary"
              disabled={pa === null}
              loading={record.isPending}
              onClick={() => record.mutate()}
              data-testid="draw-record"
            >
              {t('nc.record')}
            </Button>
          </Space>
        ) : (
          <Tag>{t('nc.notChecked')}</Tag>
        )}
      </Space>
    </Card>
  );
}
