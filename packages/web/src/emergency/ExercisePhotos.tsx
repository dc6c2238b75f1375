import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Image, Space } from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { smallPhoto } from '../gas/inspections/photo.ts';

const MAX_PHOTOS = 4;

/**
 * G-5.12.4, G-5.12.5: photos of a drill or a publicity session, taken with the phone's camera (or picked), scaled
 * down in the browser and sent with the record (at most four).
 */
export function ExercisePhotos({
  value = [],
  onChange,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const onFiles = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    const next = [...value];
    for (const file of Array.from(files)) {
      if (next.length >= MAX_PHOTOS) {
        message.warning(t('emo.photo.max'));
        break;
      }
      const photo = await smallPhoto(file);
      if (photo) next.push(photo);
      else message.error(t('emo.photo.unreadable', { name: file.name }));
    }
    onChange?.(next);
    setBusy(false);
    if (input.current) input.current.value = '';
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="exercise-photo-input"
        onChange={(e) => void onFiles(e.target.files)}
      />
      <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()} block>
        {t('emo.photo.add')}
      </Button>
      {value.length > 0 ? (
        <Space wrap data-testid="exercise-photos">
          {value.map((src, i) => (
            <Space key={i} direction="vertical" size={0}>
              <Image src={src} width={72} height={72} style={{ objectFit: 'cover' }} />
              <Button size="small" type="link" onClick={() => onChange?.(value.filter((_, j) => j !== i))}>
                {t('emo.remove')}
              </Button>
            </Space>
          ))}
        </Space>
      ) : null}
    </Space>
  );
}
