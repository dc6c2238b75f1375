import { Alert, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { ReadingFlag } from './api.ts';

/** G-6.2.5 high/low check: the reader sees why the reading looks wrong and keeps it only with a note. */
export function ConfirmFlagsModal(props: {
  flags: ReadingFlag[] | null;
  busy: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [note, setNote] = useState('');
  return (
    <Modal
      open={props.flags !== null}
      title={t('meter.flagTitle')}
      okText={t('meter.confirmKeep')}
      okButtonProps={
        {
          disabled: note.trim().length < 2,
          loading: props.busy,
          'data-testid': 'flag-confirm',
        } as ButtonProps
      }
      onOk={() => props.onConfirm(note.trim())}
      onCancel={props.onCancel}
      afterClose={() => setNote('')}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} data-testid="flag-modal">
        {(props.flags ?? []).map((f) => (
          <Alert key={f.code} type="warning" showIcon message={f.reason[lang]} />
        ))}
        <Typography.Text>{t('meter.confirmNoteHint')}</Typography.Text>
        <Input.TextArea
          rows={3}
          value={note}
          maxLength={300}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('meter.confirmNotePlaceholder')}
          data-testid="flag-note"
        />
      </Space>
    </Modal>
  );
}
