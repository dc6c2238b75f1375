import { useState } from 'react';
import { Alert, Button, Card, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { customers, templateUrl, type FileFormat, type ImportResult } from '../../api/customers.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

const MAX_BYTES = 10 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

const formatOf = (name: string): FileFormat | null =>
  /\.xlsx$/i.test(name) ? 'xlsx' : /\.csv$/i.test(name) ? 'csv' : null;

/**
 * /customers/import — pick a file, check it (dry run: nothing written, every bad row with its number and
 * reasons), then import: good rows kept, bad rows reported, nothing half-written.
 */
export function ImportPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [file, setFile] = useState<{ name: string; format: FileFormat; base64: string } | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (f: File) => {
    setCheck(null);
    setDone(null);
    setError(null);
    const format = formatOf(f.name);
    if (!format) return setError(t('cust.importType'));
    if (f.size > MAX_BYTES) return setError(t('cust.importTooLarge'));
    setFile({ name: f.name, format, base64: await readBase64(f) });
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const r = await customers.import(file.format, file.base64, dryRun);
      if (dryRun) setCheck(r);
      else setDone(r);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const result = done ?? check;
  const step = done ? 2 : check ? 1 : 0;
  return (
    <div data-testid="page-customer-import">
      <div className="page-title">
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/customers')}
            aria-label="back"
          />
          <Typography.Title level={4}>{t('cust.import')}</Typography.Title>
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={templateUrl('xlsx')} data-testid="template-xlsx">
            {t('cust.templateXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={templateUrl('csv')}>
            {t('cust.templateCsv')}
          </Button>
        </Space>
      </div>
      <Card>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            { title: t('cust.stepPick') },
            { title: t('cust.stepCheck') },
            { title: t('cust.stepImport') },
          ]}
        />
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            void pick(f);
            return false;
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{file ? file.name : t('cust.importPick')}</p>
          <Typography.Text type="secondary">{t('cust.importHint')}</Typography.Text>
        </Upload.Dragger>
        <Space style={{ marginTop: 16 }} wrap>
          <Button
            onClick={() => void run(true)}
            disabled={!file}
            loading={busy === 'check'}
            data-testid="import-check"
          >
            {t('cust.importCheck')}
          </Button>
          <Button
            type="primary"
            onClick={() => void run(false)}
            disabled={!check || !!done || check.imported === 0}
            loading={busy === 'import'}
            data-testid="import-run"
          >
            {t('cust.importRun', { n: check?.imported ?? 0 })}
          </Button>
        </Space>
        {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} /> : null}
        {result ? (
          <div style={{ marginTop: 16 }} data-testid="import-result">
            <Alert
              type={result.rejected.length === 0 ? 'success' : 'warning'}
              showIcon
              message={
                result.dryRun
                  ? t('cust.importWouldImport', { n: result.imported, bad: result.rejected.length })
                  : t('cust.importDone', { n: result.imported, bad: result.rejected.length })
              }
              style={{ marginBottom: 12 }}
            />
            {result.rejected.length > 0 ? (
              <Table
                rowKey="row"
                size="small"
                dataSource={result.rejected}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('cust.importRow'), dataIndex: 'row', width: 90 },
                  {
                    title: t('cust.importReasons'),
                    key: 'reasons',
                    render: (_, r) => (
                      <Space direction="vertical" size={2}>
                        {r.reasons.map((x, i) => (
                          <span key={i}>
                            {x.column ? <Tag>{x.column}</Tag> : null}
                            {lang === 'zh' ? x.zh : x.en}
                          </span>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            ) : null}
          </div>
        ) : null}
      </Card>
    </div>
  );
}
