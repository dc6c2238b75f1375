import { CameraOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Image, List, Segmented, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorText } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { smallPhoto } from '../gas/inspections/photo.ts';
import { insurance, insuranceKeys, type Claim } from './emergency.ts';

const MAX_VIDEO_BYTES = 8 * 1024 * 1024;

const readDataUrl = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(new Error('unreadable'));
    r.readAsDataURL(file);
  });

/**
 * G-11.2, H-9.3: the photos and video of a claim's loss, taken with the phone's camera (or picked) and stored with the
 * claim one by one; sealed once the loss is counted. The staff see them; the regulator sees only the list.
 */
export function ClaimMedia({ claim, canEdit }: { claim: Claim; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const counted = claim.events.some((e) => e.type === 'loss_counted');
  // The loss's files close once it is counted; an injury's site photos and receipts keep coming (H-9.4).
  const [chosen, setChosen] = useState<'loss' | 'injury'>('loss');
  const purpose = counted ? 'injury' : chosen;
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      for (const file of files) {
        let dataUrl: string | null;
        if (file.type.startsWith('video/')) {
          if (file.size > MAX_VIDEO_BYTES) {
            message.error(t('emo.media.tooLarge', { name: file.name }));
            continue;
          }
          dataUrl = await readDataUrl(file).catch(() => null);
        } else {
          dataUrl = await smallPhoto(file);
        }
        if (!dataUrl) {
          message.error(t('emo.media.unreadable', { name: file.name }));
          continue;
        }
        await insurance.addMedia(claim.id, dataUrl, purpose);
      }
    },
    onError: (e) => message.error(errorText(e, lang)),
    onSettled: () => {
      if (input.current) input.current.value = '';
      void queries.invalidateQueries({ queryKey: insuranceKeys.claims });
    },
  });
  const src = (id: string) => `/api/insurance/claims/${claim.id}/media/${id}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="claim-media">
      <Typography.Text strong>{t('emo.media.title')}</Typography.Text>
      {canEdit ? (
        <Space wrap data-testid="claim-media-files">
          {claim.media.map((m) =>
            m.kind === 'video' ? (
              <video key={m.id} src={src(m.id)} controls width={160} preload="metadata" />
            ) : (
              <Image key={m.id} src={src(m.id)} width={72} height={72} style={{ objectFit: 'cover' }} />
            ),
          )}
        </Space>
      ) : (
        <>
          <Alert type="info" showIcon message={t('emo.media.regulator')} />
          <List
            size="small"
            data-testid="claim-media-list"
            dataSource={claim.media}
            renderItem={(m) => (
              <List.Item>
                {m.purpose === 'injury' ? `${t('emo.claim.receipts')} · ` : ''}
                {t(m.kind === 'video' ? 'emo.media.video' : 'emo.media.photo')} · {Math.ceil(m.bytes / 1024)}{' '}
                KB · {formatShanghai(m.createdAt, false)}
              </List.Item>
            )}
          />
        </>
      )}
      {claim.media.length === 0 ? (
        <Typography.Text type="secondary">{t('emo.media.none')}</Typography.Text>
      ) : null}
      {canEdit && counted ? (
        <Typography.Text type="secondary">{t('emo.media.locked')}</Typography.Text>
      ) : null}
      {canEdit && !claim.paidAt ? (
        <>
          {counted ? null : (
            <Segmented
              block
              value={chosen}
              onChange={(v) => setChosen(v as 'loss' | 'injury')}
              data-testid="claim-media-purpose"
              options={[
                { value: 'loss', label: t('emo.media.loss') },
                { value: 'injury', label: t('emo.claim.receipts') },
              ]}
            />
          )}
          <input
            ref={input}
            type="file"
            accept="image/*,video/*"
            capture="environment"
            multiple
            style={{ display: 'none' }}
            data-testid="claim-media-input"
            onChange={(e) => upload.mutate(Array.from(e.target.files ?? []))}
          />
          <Button
            icon={
              <>
                <CameraOutlined /> <VideoCameraOutlined />
              </>
            }
            loading={upload.isPending}
            onClick={() => input.current?.click()}
            block
          >
            {purpose === 'injury' ? t('emo.media.addInjury') : t('emo.media.add')}
          </Button>
        </>
      ) : null}
    </Space>
  );
}
