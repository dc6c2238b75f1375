import { useRef, useState } from 'react';
import { App, Button, Image, Space } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { workOrders, type Attachment } from '../../api/workorders.ts';
import type { Id } from '../../api/types.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { downscalePhoto } from './image.ts';

/** Take or pick photos of the work (G-5.9.7); each is scaled down and uploaded at once. */
export function PhotoPicker({ orderId, onUploaded }: { orderId: Id; onUploaded?: (a: Attachment) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      for (const file of Array.from(files)) {
        const dataUrl = await downscalePhoto(file).catch(() => null);
        if (!dataUrl) {
          message.error(t('wo.photoUnreadable', { name: file.name }));
          continue;
        }
        const saved = await workOrders.attach(orderId, 'photo', dataUrl);
        setPhotos((p) => [...p, dataUrl]);
        onUploaded?.(saved);
      }
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={(e) => void onFiles(e.target.files)}
      />
      <Button
        size="large"
        icon={<CameraOutlined />}
        loading={busy}
        onClick={() => input.current?.click()}
        data-testid="photo-add"
        block
      >
        {t('wo.addPhoto')}
      </Button>
      {photos.length > 0 ? (
        <Space wrap style={{ marginTop: 8 }} data-testid="photo-list">
          <Image.PreviewGroup>
            {photos.map((src, i) => (
              <Image key={i} src={src} width={72} height={72} style={{ objectFit: 'cover' }} />
            ))}
          </Image.PreviewGroup>
        </Space>
      ) : null}
    </div>
  );
}
