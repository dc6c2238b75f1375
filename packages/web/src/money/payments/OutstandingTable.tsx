import { Table, Tag } from 'antd';
import { yuan, type OutstandingItem } from '../../api/payments.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Unpaid charges oldest first, with due dates and days overdue (G-6.2.9); a row can be picked to pay it. */
export function OutstandingTable(props: {
  items: OutstandingItem[];
  selected?: number | null;
  onSelect?: (item: OutstandingItem | null) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<OutstandingItem>
      size="small"
      rowKey="entryId"
      pagination={false}
      dataSource={props.items}
      data-testid="outstanding"
      locale={{ emptyText: t('pay.nothingOwed') }}
      rowSelection={
        props.onSelect
          ? {
              type: 'radio',
              selectedRowKeys: props.selected ? [props.selected] : [],
              onChange: (_, rows) => props.onSelect!(rows[0] ?? null),
            }
          : undefined
      }
      columns={[
        {
          title: t('pay.period'),
          dataIndex: 'period',
          render: (p: string | null, r) => p ?? r.billNo ?? t('pay.otherCharge'),
        },
        { title: t('pay.noticeNo'), dataIndex: 'noticeNo' },
        { title: t('pay.dueDate'), dataIndex: 'dueDate' },
        { title: t('pay.billed'), dataIndex: 'amountFen', align: 'right', render: yuan },
        {
          title: t('pay.unpaid'),
          dataIndex: 'outstandingFen',
          align: 'right',
          render: (v: number) => <strong>{yuan(v)}</strong>,
        },
        {
          title: t('pay.status'),
          key: 'st',
          render: (_, r) =>
            r.overdue ? (
              <Tag color="red">{t('pay.daysOverdue', { n: r.daysOverdue })}</Tag>
            ) : (
              <Tag>{t('pay.notYetDue')}</Tag>
            ),
        },
      ]}
    />
  );
}
