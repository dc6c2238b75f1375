import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Input, Progress, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { payments, yuan } from '../../api/payments.ts';
import { errorText } from '../../common/errors.tsx';
import { todayShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { decodeBankBytes, isValidLine, parseBankFile, summarizeFile } from './bankFile.ts';
import { importInChunks, importTotals, resultCsv, type ImportRun, type Outcomes } from './bankImport.ts';
import { BankLinesTable, lineWords } from './BankLinesTable.tsx';
import { FileFigures, ImportFigures, InvalidList } from './BankSummary.tsx';

/** A bank's daily collection file is a few thousand lines at most; 5 MB is far beyond one. */
const MAX_MB = 5;

function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * /bank-import — payments collected by the bank (银行代收, G-6.2.8): the clerk picks or pastes the bank's file,
 * sees every line checked before anything is sent, imports the good lines in chunks with progress, and keeps the
 * result with a receipt number per payment. A failed request keeps the unsent lines for a retry; the bank
 * reference makes any re-import harmless.
 */
export function BankImportPage() {
  const { t, lang } = useI18n();
  const today = useMemo(() => todayShanghai(), []);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Outcomes>(new Map());
  const [failure, setFailure] = useState<ImportRun['failure']>(null);
  const [running, setRunning] = useState(false);

  const file = useMemo(() => parseBankFile(text, today), [text, today]);
  const summary = useMemo(() => summarizeFile(file), [file]);
  const valid = useMemo(() => file.lines.filter(isValidLine), [file]);
  const invalid = file.lines.filter((l) => !isValidLine(l));
  const pending = valid.filter((l) => !outcomes.has(l.line));
  const totals = importTotals(file.lines, outcomes);
  const words = lineWords(t, lang, outcomes);
  const started = outcomes.size > 0 || running || failure !== null;

  // New text is a new file: the answers of the last one no longer belong to its lines.
  const load = (next: string, name: string | null) => {
    setText(next);
    setFileName(name);
    setOutcomes(new Map());
    setFailure(null);
    setReadError(null);
  };

  const pick = async (f: File) => {
    if (f.size > MAX_MB * 1024 * 1024) return setReadError(t('bank.tooLarge', { mb: MAX_MB }));
    try {
      load(decodeBankBytes(await f.arrayBuffer()), f.name);
    } catch (e) {
      setReadError(t('bank.readFailed', { reason: errorText(e, lang) }));
    }
  };

  const run = async () => {
    setRunning(true);
    setFailure(null);
    const r = await importInChunks(pending, payments.bankImport, setOutcomes, outcomes);
    setOutcomes(r.outcomes);
    setFailure(r.failure);
    setRunning(false);
  };

  const download = () => {
    const header = (
      ['line', 'accountNo', 'amount', 'bankRef', 'paidOn', 'status', 'receiptNo', 'reason'] as const
    ).map((c) => t(`bank.col.${c}` as MessageKey));
    const csv = resultCsv(file.lines, header, words.statusText, words.reason, outcomes);
    saveFile(`${(fileName ?? 'bank').replace(/\.(csv|txt)$/i, '')}-result.csv`, csv);
  };

  const runLabel =
    outcomes.size === 0 && !failure
      ? t('bank.import', { n: pending.length, amount: yuan(pending.reduce((s, l) => s + l.amountFen!, 0)) })
      : pending.length > 0
        ? t('bank.resume', { n: pending.length })
        : t('bank.allDone');
  const processed = valid.length - pending.length;

  return (
    <div data-testid="page-bank-import">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.bankImport')}</Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          onClick={download}
          disabled={outcomes.size === 0 || running}
          data-testid="bank-download"
        >
          {t('bank.download')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('bank.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Upload
            accept=".csv,.txt,text/csv"
            showUploadList={false}
            disabled={running}
            beforeUpload={(f) => {
              void pick(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="bank-pick">
              {t('bank.pickFile')}
            </Button>
          </Upload>
          {fileName ? (
            <Typography.Text data-testid="bank-file-name">
              {t('bank.fileName', { name: fileName })}
            </Typography.Text>
          ) : null}
          <Button onClick={() => load('', null)} disabled={running || text === ''}>
            {t('bank.clear')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('bank.format')}
        </Typography.Paragraph>
        <Input.TextArea
          value={text}
          onChange={(e) => load(e.target.value, null)}
          placeholder={t('bank.pasteHint')}
          disabled={running}
          rows={5}
          spellCheck={false}
          style={{ fontFamily: 'monospace' }}
          data-testid="bank-text"
        />
        {readError ? <Alert type="error" showIcon message={readError} style={{ marginTop: 8 }} /> : null}
        {file.missingColumns.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="bank-missing-columns"
            message={t('bank.missingColumns', {
              cols: file.missingColumns.map((c) => t(`bank.col.${c}` as MessageKey)).join(', '),
            })}
          />
        ) : null}
      </Card>
      <Card size="small">
        {file.lines.length === 0 ? (
          <Empty description={t('bank.empty')} />
        ) : (
          <>
            <FileFigures {...summary} />
            {invalid.length > 0 ? <InvalidList lines={invalid} issuesText={words.issuesText} /> : null}
            <Space wrap style={{ marginBottom: 12 }}>
              <Button
                type="primary"
                onClick={() => void run()}
                disabled={pending.length === 0}
                loading={running}
                data-testid="bank-import-run"
              >
                {runLabel}
              </Button>
            </Space>
            {started ? (
              <div style={{ marginBottom: 12 }} data-testid="bank-progress">
                <Progress
                  percent={valid.length ? Math.floor((processed * 100) / valid.length) : 0}
                  status={failure ? 'exception' : running ? 'active' : 'normal'}
                />
                <Typography.Text type="secondary">
                  {t('bank.progress', { done: processed, total: valid.length })}
                </Typography.Text>
              </div>
            ) : null}
            {failure ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="bank-failure"
                message={t('bank.failed', { n: pending.length })}
                description={
                  <>
                    <div>
                      {errorText(failure.error, lang)}
                      {failure.line ? t('bank.failedAt', { line: failure.line }) : ''}
                    </div>
                    <div>{t('bank.failedHint')}</div>
                  </>
                }
              />
            ) : null}
            {outcomes.size > 0 ? (
              <>
                {!running && !failure && pending.length === 0 ? (
                  <Alert
                    type={totals.errors > 0 ? 'warning' : 'success'}
                    showIcon
                    style={{ marginBottom: 12 }}
                    data-testid="bank-done"
                    message={t('bank.done', { ...totals })}
                  />
                ) : null}
                <ImportFigures totals={totals} />
              </>
            ) : null}
            <BankLinesTable lines={file.lines} outcomes={outcomes} />
          </>
        )}
      </Card>
    </div>
  );
}
