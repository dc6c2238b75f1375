import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { http, ok } from '../api/client.ts';
import type { Ok } from '../api/contract.ts';
import { errorText } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { readBase64 } from './api.ts';

type Checked = Ok<'/api/window-waits/import', 'post'>;

/** G-12.4.1.2: sampled waits from a CSV or Excel file — checked first (each bad row with its reasons), then recorded. */
export function WaitImportCard() {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [file, setFile] = useState<{ name: string; format: 'csv' | 'xlsx'; base64: string } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const send = useMutation({
    mutationFn: (dryRun: boolean) =>
      ok(
        http.POST('/api/window-waits/import', {
          body: { format: file!.format, fileBase64: file!.base64, dryRun },
        }),
      ),
    onSuccess: (r) => {
      setChecked(r);
      if (!r.dryRun) void queries.invalidateQueries({ queryKey: ['window-waits'] });
    },
  });
  return (
    <Card title={t('waits.import')} data-testid="waits-import-card">
      <Typography.Paragraph type="secondary">{t('waits.importHint')}</Typography.Paragraph>
      <Space wrap>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(f) => {
            const format = /\.xlsx$/i.test(f.name) ? 'xlsx' : 'csv';
            void readBase64(f).then((base64) => setFile({ name: f.name, format, base64 }));
            setChecked(null);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="waits-file">
            {file?.name ?? t('calls.pick')}
          </Button>
        </Upload>
        <Button disabled={!file} onClick={() => send.mutate(true)} data-testid="waits-check">
          {t('calls.check')}
        </Button>
        <Button
          type="primary"
          disabled={!checked?.dryRun || checked.accepted === 0}
          onClick={() => send.mutate(false)}
          data-testid="waits-import"
        >
          {t('calls.run', { n: checked?.dryRun ? checked.accepted : 0 })}
        </Button>
      </Space>
      {send.error ? <Alert type="error" showIcon message={errorText(send.error, lang)} /> : null}
      {checked ? (
        <List
          size="small"
          data-testid="waits-import-result"
          header={t(checked.dryRun ? 'waits.importChecked' : 'waits.imported', {
            n: checked.dryRun ? checked.accepted : checked.recorded,
            bad: checked.bad.length,
          })}
          dataSource={checked.bad}
          renderItem={(b) => (
            <List.Item>
              {t('waits.importRow', { row: b.row })}
              {b.reasons
                .map((x) => `${x.column ? `${x.column}：` : ''}${lang === 'en' ? x.en : x.zh}`)
                .join('；')}
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
