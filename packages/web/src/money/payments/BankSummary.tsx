import { Alert, Space, Statistic } from 'antd';
import { yuan } from '../../api/payments.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { BankLine } from './bankFile.ts';
import type { ImportTotals } from './bankImport.ts';

const RED = '#cf1322';
const GREEN = '#389e0d';
const LISTED = 10;

/** A row of figures; each value carries its data-testid. */
function Figures({
  items,
}: {
  items: { id: string; title: string; value: string | number; color?: string }[];
}) {
  return (
    <Space size={32} wrap style={{ marginBottom: 12 }}>
      {items.map((f) => (
        <Statistic
          key={f.id}
          title={f.title}
          value={f.value}
          valueStyle={{ color: f.color }}
          valueRender={(v) => <span data-testid={f.id}>{v}</span>}
        />
      ))}
    </Space>
  );
}

/** What the file holds before anything is sent. */
export function FileFigures(props: { lines: number; valid: number; invalid: number; validFen: number }) {
  const { t } = useI18n();
  return (
    <Figures
      items={[
        { id: 'bank-lines-count', title: t('bank.lines'), value: props.lines },
        { id: 'bank-valid', title: t('bank.valid'), value: props.valid },
        {
          id: 'bank-invalid',
          title: t('bank.invalid'),
          value: props.invalid,
          color: props.invalid > 0 ? RED : undefined,
        },
        { id: 'bank-valid-amount', title: t('bank.validAmount'), value: yuan(props.validFen) },
      ]}
    />
  );
}

/** What the server answered so far. */
export function ImportFigures({ totals }: { totals: ImportTotals }) {
  const { t } = useI18n();
  return (
    <Figures
      items={[
        { id: 'bank-recorded', title: t('bank.recorded'), value: totals.recorded, color: GREEN },
        { id: 'bank-duplicates', title: t('bank.duplicates'), value: totals.duplicates },
        {
          id: 'bank-errors',
          title: t('bank.errors'),
          value: totals.errors,
          color: totals.errors > 0 ? RED : undefined,
        },
        { id: 'bank-recorded-amount', title: t('bank.recordedAmount'), value: yuan(totals.recordedFen) },
      ]}
    />
  );
}

/** The lines left out, by file line, so the clerk can correct them at the bank or in the file. */
export function InvalidList(props: { lines: BankLine[]; issuesText: (l: BankLine) => string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="bank-invalid-list"
      message={t('bank.invalidList', { n: props.lines.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {props.lines.slice(0, LISTED).map((l) => (
            <li key={l.line}>{t('bank.lineIssues', { line: l.line, issues: props.issuesText(l) })}</li>
          ))}
          {props.lines.length > LISTED ? <li>{t('bank.more', { n: props.lines.length - LISTED })}</li> : null}
        </ul>
      }
    />
  );
}
