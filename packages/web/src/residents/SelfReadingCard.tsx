import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { m3 } from '../api/billing.ts';
import { ErrorAlert, errorText } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { photoDataUrl } from './photo.ts';
import { resident, residentKeys } from './api.ts';

const STATUS_COLOR: Record<string, string> = {
  accepted: 'green',
  accepted_after_review: 'green',
  pending_review: 'orange',
  rejected: 'red',
};

/**
 * Self-reading of a gas meter with a photo (issue 16): the register in m³ and a photo from the phone's camera. The
 * server checks it by the readers' rules; a flagged reading waits for the staff's review instead of being billed.
 */
export function SelfReadingCard({ accountId }: { accountId: string }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: residentKeys.selfReadings(accountId),
    queryFn: () => resident.selfReadings(accountId),
  });
  const [meterId, setMeterId] = useState<string | undefined>();
  const [registerM3, setRegisterM3] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: { meterId: string; register: number; photo: string; note: string }) =>
      resident.selfRead(accountId, body),
    onSuccess: () => {
      setError(null);
      setRegisterM3(null);
      setPhoto(null);
      setNote('');
      void client.invalidateQueries({ queryKey: residentKeys.all });
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return null;
  const meters = q.data.meters;
  const chosen = meterId ?? (meters.length === 1 ? meters[0]!.id : undefined);
  const meter = meters.find((m) => m.id === chosen);
  const last = send.data;
  return (
    <Card size="small" title={t('res.selfReading')} data-testid="self-reading">
      {meters.length === 0 ? (
        <Typography.Text type="secondary">{t('res.selfReadingNoMeter')}</Typography.Text>
      ) : (
        <Form layout="vertical" size="middle">
          {meters.length > 1 ? (
            <Form.Item label={t('res.selfReadingMeter')}>
              <Select
                value={chosen}
                onChange={setMeterId}
                options={meters.map((m) => ({ value: m.id, label: m.serialNo }))}
              />
            </Form.Item>
          ) : null}
          {meter?.lastReadOn ? (
            <Typography.Paragraph type="secondary">
              {t('res.selfReadingLast', {
                serial: meter.serialNo,
                date: meter.lastReadOn,
                m3: m3(meter.lastRegister),
              })}
            </Typography.Paragraph>
          ) : null}
          <Form.Item label={t('res.selfReadingRegister')}>
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              max={99999.999}
              step={1}
              precision={3}
              inputMode="decimal"
              value={registerM3}
              onChange={(v) => setRegisterM3(v)}
              addonAfter="m³"
              data-testid="self-register"
            />
          </Form.Item>
          <Form.Item label={t('res.selfReadingPhoto')} extra={t('res.selfReadingPhotoHint')}>
            <input
              type="file"
              accept="image/*"
              capture="environment"
              data-testid="self-photo"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                photoDataUrl(file).then(setPhoto, () => setError(t('res.selfReadingPhotoBad')));
              }}
            />
            {photo ? (
              <img src={photo} alt="" style={{ marginTop: 8, maxWidth: '100%', maxHeight: 160 }} />
            ) : null}
          </Form.Item>
          <Form.Item label={t('res.selfReadingNote')}>
            <Input value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} /> : null}
          {last ? (
            <Alert
              style={{ marginBottom: 8 }}
              type={last.status === 'accepted' ? 'success' : 'warning'}
              showIcon
              data-testid="self-result"
              message={t(last.status === 'accepted' ? 'res.selfReadingAccepted' : 'res.selfReadingPending', {
                m3: m3(last.usage),
              })}
              description={last.flags.map((f) => (lang === 'zh' ? f.reason.zh : f.reason.en)).join(' ')}
            />
          ) : null}
          <Button
            type="primary"
            block
            disabled={!chosen || registerM3 === null || !photo}
            loading={send.isPending}
            data-testid="self-submit"
            onClick={() =>
              send.mutate({
                meterId: chosen!,
                register: Math.round((registerM3 ?? 0) * 1000),
                photo: photo!,
                note,
              })
            }
          >
            {t('res.selfReadingSubmit')}
          </Button>
        </Form>
      )}
      {q.data.items.length > 0 ? (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={q.data.items}
          renderItem={(r) => (
            <List.Item key={r.id} data-testid="self-reading-item">
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <span>
                    {r.readOn} · {m3(r.register)} m³
                  </span>
                  <Tag color={STATUS_COLOR[r.status]}>{t(`res.selfStatus.${r.status}`)}</Tag>
                  <a href={resident.selfReadingPhotoUrl(r.id)} target="_blank" rel="noreferrer">
                    {t('res.selfReadingViewPhoto')}
                  </a>
                </Space>
                {r.reviewNote ? <Typography.Text type="secondary">{r.reviewNote}</Typography.Text> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
