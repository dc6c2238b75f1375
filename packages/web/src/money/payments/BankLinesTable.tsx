import { useState, type HTMLAttributes } from 'react';
import { Checkbox, Table, Tag, Typography } from 'antd';
import { yuan } from '../../api/payments.ts';
import { useI18n, type Lang, type MessageKey, type Translate } from '../../i18n/index.tsx';
import type { BankIssue, BankLine } from './bankFile.ts';
import { serverReason, type Outcomes } from './bankImport.ts';

export type LineStatus = 'ready' | 'invalid' | 'recorded' | 'duplicate' | 'error';

const COLORS: Record<LineStatus, string | undefined> = {
  ready: undefined,
  invalid: 'red',
  recorded: 'green',
  duplicate: 'gold',
  error: 'red',
};

/** The words for a line — its status and why — shared by the table and the result file. */
export function lineWords(t: Translate, lang: Lang, outcomes: Outcomes) {
  const issueText = (i: BankIssue) => t(`bank.issue.${i.code}` as MessageKey, i.vars);
  const issuesText = (l: BankLine) => l.issues.map(issueText).join(lang === 'zh' ? '；' : '; ');
  const statusOf = (l: BankLine): LineStatus =>
    l.issues.length > 0 ? 'invalid' : (outcomes.get(l.line)?.status ?? 'ready');
  return {
    issuesText,
    statusOf,
    statusText: (l: BankLine) => t(`bank.status.${statusOf(l)}` as MessageKey),
    reason: (l: BankLine) =>
      l.issues.length > 0 ? issuesText(l) : serverReason(outcomes.get(l.line)?.error ?? null, lang),
  };
}

/**
 * Every line of the bank file as read, then as answered: what is wrong with it before the import, the receipt
 * number or the server's reason after. Rows carry data-testid="bank-line-<line of the file>".
 */
export function BankLinesTable({ lines, outcomes }: { lines: BankLine[]; outcomes: Outcomes }) {
  const { t, lang } = useI18n();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const words = lineWords(t, lang, outcomes);
  const problem = (l: BankLine) => ['invalid', 'error'].includes(words.statusOf(l));
  const shown = onlyProblems ? lines.filter(problem) : lines;
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Checkbox
          checked={onlyProblems}
          onChange={(e) => setOnlyProblems(e.target.checked)}
          data-testid="bank-only-problems"
        >
          {t('bank.onlyProblems')}
        </Checkbox>
      </div>
      <Table<BankLine>
        size="small"
        rowKey="line"
        dataSource={shown}
        data-testid="bank-lines"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(l) => ({ 'data-testid': `bank-line-${l.line}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('bank.col.line'), dataIndex: 'line', width: 70 },
          { title: t('bank.col.accountNo'), dataIndex: 'accountNo' },
          {
            title: t('bank.col.amount'),
            key: 'amount',
            align: 'right',
            render: (_, l) =>
              l.amountFen === null ? (
                <Typography.Text type="danger">{l.amountText}</Typography.Text>
              ) : (
                yuan(l.amountFen)
              ),
          },
          { title: t('bank.col.bankRef'), dataIndex: 'bankRef' },
          { title: t('bank.col.paidOn'), key: 'paidOn', render: (_, l) => l.paidOn ?? l.dateText },
          {
            title: t('bank.col.status'),
            key: 'status',
            render: (_, l) => (
              <Tag color={COLORS[words.statusOf(l)]} data-testid="bank-status">
                {words.statusText(l)}
              </Tag>
            ),
          },
          {
            title: t('bank.col.receiptNo'),
            key: 'receipt',
            render: (_, l) => <span data-testid="bank-receipt">{outcomes.get(l.line)?.receiptNo ?? ''}</span>,
          },
          {
            title: t('bank.col.reason'),
            key: 'reason',
            render: (_, l) => (
              <Typography.Text type={problem(l) ? 'danger' : undefined} data-testid="bank-reason">
                {words.reason(l)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
