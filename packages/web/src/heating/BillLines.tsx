import { Alert, Descriptions, Table, Tag } from 'antd';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { yuan, type Bill } from './api.ts';

type Line = {
  part: string;
  quantity?: number;
  unit?: string;
  price?: number;
  amountFen: number;
  bpsOfAreaFee?: number;
};

const qty = (l: Line) =>
  l.unit === 'centi_m2'
    ? `${(Number(l.quantity) / 100).toFixed(2)} m²`
    : l.unit === 'wh'
      ? `${(Number(l.quantity) / 1000).toFixed(3)} kWh`
      : '';

/** One season bill: its priced lines (area / base / metered / suspended), payments, reward and reminders. */
export function BillLines({ bill }: { bill: Bill }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="bill-detail">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item
          label={t('h.customer')}
        >{`${bill.customerName}（${bill.accountNo}）`}</Descriptions.Item>
        <Descriptions.Item label={t('h.class')}>
          {t(`h.class.${bill.customerClass}` as MessageKey)}
        </Descriptions.Item>
        <Descriptions.Item label={t('h.issuedDue')}>{`${bill.issuedOn} / ${bill.dueOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('h.amount')}>{yuan(bill.amountFen)}</Descriptions.Item>
        <Descriptions.Item
          label={t('h.paid')}
        >{`${yuan(bill.paidFen)}${bill.paidOn ? `（${bill.paidOn}）` : ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('h.reward')}>{yuan(bill.rewardFen)}</Descriptions.Item>
        <Descriptions.Item label={t('h.outstanding')}>{yuan(bill.outstandingFen)}</Descriptions.Item>
        <Descriptions.Item label={t('h.reminders')}>{bill.remindersSent}</Descriptions.Item>
      </Descriptions>
      <Table<Line>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="part"
        pagination={false}
        dataSource={bill.lines as Line[]}
        columns={[
          { title: t('h.part'), render: (_, l) => <Tag>{t(`h.part.${l.part}` as MessageKey)}</Tag> },
          { title: t('h.quantity'), render: (_, l) => qty(l) },
          {
            title: t('h.unitPrice'),
            render: (_, l) =>
              l.part === 'suspended'
                ? `${(l.bpsOfAreaFee ?? 0) / 100}%`
                : l.price === undefined
                  ? ''
                  : yuan(l.price),
          },
          { title: t('h.amount'), align: 'right', render: (_, l) => yuan(l.amountFen) },
        ]}
      />
      {bill.note && <Alert style={{ marginTop: 12 }} type="info" message={bill.note} />}
      {bill.outstandingFen > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type={bill.stopHeating.allowed ? 'error' : 'warning'}
          message={bill.stopHeating.reason[lang]}
        />
      )}
    </div>
  );
}
