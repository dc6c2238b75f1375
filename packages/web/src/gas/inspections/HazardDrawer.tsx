import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Image, Input, Space, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { inspections, type HazardStep } from '../../api/inspections.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GRADE_COLOURS, label } from './labels.ts';
import { RepairCard } from './RepairCard.tsx';

/** One file per hazard (一患一档): every step with its photos; re-inspection closes it or extends it with a reason. */
export function HazardDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [due, setDue] = useState<Dayjs | null>(null);
  const detail = useQuery({ queryKey: ['inspections', 'hazard', id], queryFn: () => inspections.hazard(id) });
  const step = useMutation({
    mutationFn: (body: HazardStep) => inspections.step(id, body),
    onSuccess: () => {
      setReason('');
      setDue(null);
      void qc.invalidateQueries({ queryKey: ['inspections'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const h = detail.data;
  const canAct = user?.role !== 'regulator' && h?.status === 'open';
  return (
    <Drawer open width={520} onClose={onClose} title={t('in.file')} data-testid="hazard-drawer">
      <ErrorAlert error={detail.error} />
      {h ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('in.grade')}>
              <Tag color={GRADE_COLOURS[h.grade]}>{t(`in.grade.${h.grade}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('in.item')}>{label(t, 'in.check', h.item)}</Descriptions.Item>
            <Descriptions.Item label={t('in.description')}>{h.description}</Descriptions.Item>
            <Descriptions.Item label={h.customerId ? t('in.customer') : t('pt.location')}>
              {h.customerId ? `${h.customerName} · ${h.address}` : h.address}
            </Descriptions.Item>
            <Descriptions.Item label={t('in.responsible')}>
              {t(`in.responsible.${h.responsible}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('in.dueAt')}>
              <span data-testid="hazard-due">{formatShanghai(h.dueAt, false)}</span>
              {h.overdue ? <Tag color="red">{t('in.overdueTag')}</Tag> : null}
              {h.extensions ? <Tag>{t('in.extensions', { n: h.extensions })}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('in.status')}>
              <span data-testid="hazard-status">{t(`in.status.${h.status}`)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('in.notice')}>
              <Space wrap>
                {t(`in.notice.${h.notice}`)}
                <Button
                  size="small"
                  href={inspections.rectificationUrl(h.id)}
                  target="_blank"
                  data-testid="hazard-notice-pdf"
                >
                  {t('in.noticePdf')}
                </Button>
              </Space>
            </Descriptions.Item>
            {h.reportedAt ? (
              <Descriptions.Item label={t('in.reportedAt')}>{formatShanghai(h.reportedAt)}</Descriptions.Item>
            ) : null}
          </Descriptions>
          <RepairCard hazard={h} />
          <Timeline
            items={h.file.map((e) => ({
              children: (
                <Space direction="vertical" size={2}>
                  <b>{label(t, 'in.event', e.type)}</b>
                  <span>{formatShanghai(e.at)}</span>
                  {e.data.reason ? <span>{e.data.reason}</span> : null}
                  {e.data.photos?.length ? (
                    <Image.PreviewGroup>
                      {e.data.photos.map((p, i) => (
                        <Image key={i} src={p} width={64} />
                      ))}
                    </Image.PreviewGroup>
                  ) : null}
                </Space>
              ),
            }))}
          />
          {canAct ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={2}
                placeholder={t('in.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="hazard-reason"
              />
              <Space wrap>
                <Button
                  type="primary"
                  loading={step.isPending}
                  onClick={() => step.mutate({ type: 'closed', reason, photos: [] })}
                  data-testid="hazard-close"
                >
                  {t('in.close')}
                </Button>
                <DatePicker placeholder={t('in.newDue')} value={due} onChange={setDue} />
                <Button
                  disabled={!due}
                  loading={step.isPending}
                  onClick={() =>
                    due &&
                    step.mutate({
                      type: 'extended',
                      reason,
                      dueAt: `${due.format('YYYY-MM-DD')}T23:59:59+08:00`,
                      photos: [],
                    })
                  }
                >
                  {t('in.extend')}
                </Button>
              </Space>
              {h.notice === 'pending' ? (
                <Space wrap>
                  <Button onClick={() => step.mutate({ type: 'notice_signed', photos: [] })}>
                    {t('in.noticeSigned')}
                  </Button>
                  <Button danger onClick={() => step.mutate({ type: 'notice_refused', photos: [] })}>
                    {t('in.noticeRefused')}
                  </Button>
                </Space>
              ) : null}
            </Space>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
