import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, List, Space, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { readBase64 } from './api.ts';

/** What every checked-then-recorded file import of this area answers (window waits, surveys). */
export interface ImportOutcome {
  dryRun: boolean;
  accepted: number;
  recorded: number;
  bad: { row: number; reasons: { code: string; column?: string; zh: string; en: string }[] }[];
}
export interface PickedFile {
  name: string;
  format: 'csv' | 'xlsx';
  base64: string;
}

/**
 * A CSV or Excel file checked first (each bad row with its reasons), then recorded: the page control of the window
 * wait and survey imports. `send` posts the file; `testId` prefixes the controls' test ids.
 */
export function FileImportCard(props: {
  title: string;
  hint: string;
  testId: string;
  extra?: ReactNode;
  send: (file: PickedFile, dryRun: boolean) => Promise<ImportOutcome>;
  onRecorded: () => void;
}) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [checked, setChecked] = useState<ImportOutcome | null>(null);
  const send = useMutation({
    mutationFn: (dryRun: boolean) => props.send(file!, dryRun),
    onSuccess: (r) => {
      setChecked(r);
      if (!r.dryRun) props.onRecorded();
    },
  });
  const id = props.testId;
  return (
    <Card title={props.title} data-testid={`${id}-import-card`}>
      <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>
      <Space wrap>
        {props.extra}
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
          <Button icon={<UploadOutlined />} data-testid={`${id}-file`}>
            {file?.name ?? t('calls.pick')}
          </Button>
        </Upload>
        <Button disabled={!file} onClick={() => send.mutate(true)} data-testid={`${id}-check`}>
          {t('calls.check')}
        </Button>
        <Button
          type="primary"
          disabled={!checked?.dryRun || checked.accepted === 0}
          onClick={() => send.mutate(false)}
          data-testid={`${id}-import`}
        >
          {t('calls.run', { n: checked?.dryRun ? checked.accepted : 0 })}
        </Button>
      </Space>
      {send.error ? <Alert type="error" showIcon message={errorText(send.error, lang)} /> : null}
      {checked ? (
        <List
          size="small"
          data-testid={`${id}-import-result`}
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
