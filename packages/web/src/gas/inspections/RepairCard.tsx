import { useState } from 'react';
import { App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { HazardDetail } from '../../api/inspections.ts';
import { patrols } from '../../api/patrols.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { stateLabel } from '../../service/orders/labels.ts';

const ASKERS = ['enterprise_admin', 'dispatcher', 'agent'];

/**
 * G-5.11.7: the customer asks the company to repair the hazard — a work order of its own; the technician shows the
 * items, prices and materials on the phone and the customer signs before the work. The file shows the order.
 */
export function RepairCard({ hazard: h }: { hazard: HazardDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const ask = useMutation({
    mutationFn: () => patrols.repairOrder(h.id, note),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['inspections'] }),
    onError: (e) => message.error(errorText(e, lang)),
  });
  const o = h.repairOrder;
  if (!o && (!h.customerId || h.status !== 'open' || !ASKERS.includes(user?.role ?? ''))) return null;
  return (
    <Card size="small" title={t('rp.title')} data-testid="hazard-repair">
      {o ? (
        <Space direction="vertical" size={2}>
          <Space wrap>
            {t('rp.order')}
            <Link to={`/orders/${o.id}`} data-testid="hazard-repair-order">
              {o.orderNo}
            </Link>
            <Tag>{stateLabel(o.state, lang)}</Tag>
          </Space>
          <Typography.Text
            type={o.consentSignedAt ? 'success' : 'warning'}
            data-testid="hazard-repair-consent"
          >
            {o.consentSignedAt
              ? t('rp.signed', {
                  at: formatShanghai(o.consentSignedAt),
                  yuan: ((o.chargedFen ?? 0) / 100).toFixed(2),
                })
              : t('rp.unsigned')}
          </Typography.Text>
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('rp.hint')}</Typography.Text>
          <Input placeholder={t('rp.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button loading={ask.isPending} onClick={() => ask.mutate()} data-testid="hazard-repair-ask">
            {t('rp.ask')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
