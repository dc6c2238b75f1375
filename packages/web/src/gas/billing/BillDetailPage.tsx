import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popover,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { billing, m3, type BillDetail, type PriceLine } from '../../api/billing.ts';
import { yuan } from '../../api/payments.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { BillReveal } from './BillReveal.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';

const NOTICE_FIELDS = [
  'company',
  'accountNumber',
  'accountName',
  'address',
  'startReading',
  'endReading',
  'volume',
  'prices',
  'amountDueFen',
  'payWhere',
  'payWhen',
  'payDeadline',
  'payHow',
  'queryPhone',
  'complaintPhone',
  'supervisionPhone',
] as const;

function fieldValue(key: (typeof NOTICE_FIELDS)[number], v: unknown): string {
  if (v === undefined || v === null) return '';
  if (key === 'startReading' || key === 'endReading' || key === 'volume') return `${m3(Number(v))} m³`;
  if (key === 'amountDueFen') return yuan(Number(v));
  if (key === 'prices') return (v as number[]).map((p) => `${yuan(p)}/m³`).join('、');
  return String(v);
}

export function LinesTable({ lines }: { lines: PriceLine[] }) {
  const { t } = useI18n();
  return (
    <Table<PriceLine>
      size="small"
      rowKey={(l, i) => `${l.from}-${l.tier}-${l.role ?? ''}-${i}`}
      pagination={false}
      dataSource={lines}
      data-testid="bill-lines"
      columns={[
        { title: t('bill.range'), render: (_: unknown, l) => `${l.from} – ${l.to}` },
        { title: t('bill.days'), dataIndex: 'days', align: 'right' },
        { title: t('bill.tier'), dataIndex: 'tier', render: (n: number) => t('bill.tierN', { n }) },
        { title: t('bill.volume'), dataIndex: 'volume', align: 'right', render: (v: number) => m3(v) },
        {
          title: t('bill.price'),
          dataIndex: 'price',
          align: 'right',
          render: (p: number) => (p / 100).toFixed(2),
        },
        { title: t('bill.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
        {
          title: '',
          dataIndex: 'role',
          render: (r?: 'reversal' | 'rebill') => (r ? <Tag>{t(`bill.role.${r}`)}</Tag> : null),
        },
      ]}
    />
  );
}

/** G-6.2.4: the bill says whether a reading at the price change split the usage or it was prorated by days. */
function priceSplitKey(split: unknown) {
  return split === 'reading' || split === 'prorated' || split === 'reading_and_prorated'
    ? (`bill.priceSplit.${split}` as const)
    : ('bill.priceChanged' as const);
}

/** /bills/:id — a bill with its priced lines, its payment notice (G-6.2.7) and PDF, and its corrections. */
export function BillDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useAuth();
  const queries = useQueryClient();
  const bill = useQuery({ queryKey: keys.bill(id), queryFn: () => billing.bill(id) });
  const [correcting, setCorrecting] = useState(false);
  const canCorrect = user?.role === 'enterprise_admin' || user?.role === 'billing_clerk';
  const b = bill.data;
  return (
    <div data-testid="page-bill">
      <ErrorAlert error={bill.error} onRetry={() => void bill.refetch()} />
      {b && (
        <>
          <div className="page-title">
            <Typography.Title level={4}>
              {t('bill.billNo')} {b.billNo}
            </Typography.Title>
            <Space>
              {b.notice && (
                <Button href={billing.pdfUrl(b.id)} target="_blank" data-testid="bill-pdf">
                  {t('bill.downloadPdf')}
                </Button>
              )}
              {b.identityMasked && <BillReveal billId={b.id} />}
              {canCorrect && b.kind === 'regular' && (
                <Button onClick={() => setCorrecting(true)} data-testid="bill-correct">
                  {t('bill.correct')}
                </Button>
              )}
            </Space>
          </div>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('pay.accountNo')}>
                <Link to={`/statement/${b.customerId}`}>{b.accountNo}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('pay.customerName')}>{b.customerName}</Descriptions.Item>
              <Descriptions.Item label={t('bill.kind')}>
                <Tag>{t(`bill.kind.${b.kind}`)}</Tag>
                {b.estimated && <Tag color="gold">{t('bill.estimatedTag')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('bill.range')}>
                {b.periodFrom} – {b.periodTo}
              </Descriptions.Item>
              {b.sector === 'gas' && (
                <Descriptions.Item label={t('bill.readings')}>
                  {m3(b.startRegister)} → {m3(b.endRegister)}
                </Descriptions.Item>
              )}
              {b.sector === 'gas' && (
                <Descriptions.Item label={t('bill.volume')}>{m3(b.volume)}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('bill.amount')}>
                <strong data-testid="bill-amount">{yuan(b.amountFen)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('bill.net')}>{yuan(b.netAmountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('bill.issuedOn')}>{b.issuedOn}</Descriptions.Item>
              {b.corrects && (
                <Descriptions.Item label={t('bill.corrects')}>
                  <Link to={`/bills/${b.corrects.id}`}>{b.corrects.billNo}</Link>
                </Descriptions.Item>
              )}
              {b.note && (
                <Descriptions.Item label={t('bill.note')} span={3}>
                  {b.note}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={t('bill.lines')} style={{ marginBottom: 16 }}>
            {new Set(b.lines.map((l) => l.scheduleId)).size > 1 && (
              <Alert
                type="info"
                showIcon
                message={t(priceSplitKey(b.notice?.fields.priceSplit))}
                style={{ marginBottom: 8 }}
                data-testid="bill-price-split"
              />
            )}
            <LinesTable lines={b.lines} />
          </Card>
          <NoticeCard bill={b} />
          <Card size="small" title={t('bill.corrections')}>
            {b.corrections.length === 0 ? (
              <Typography.Text type="secondary">{t('bill.noCorrections')}</Typography.Text>
            ) : (
              b.corrections.map((c) => (
                <div key={c.id} style={{ marginBottom: 12 }} data-testid="bill-correction">
                  <Space>
                    <Link to={`/bills/${c.id}`}>{c.billNo}</Link>
                    <span>{c.issuedOn}</span>
                    <strong>{yuan(c.amountFen)}</strong>
                    <Typography.Text type="secondary">{c.note}</Typography.Text>
                  </Space>
                  <LinesTable lines={c.lines} />
                </div>
              ))
            )}
          </Card>
          <CorrectionModal
            bill={b}
            open={correcting}
            onClose={() => setCorrecting(false)}
            onDone={() => void queries.invalidateQueries({ queryKey: keys.bills })}
          />
        </>
      )}
    </div>
  );
}

function NoticeCard({ bill }: { bill: BillDetail }) {
  const { t, lang } = useI18n();
  const n = bill.notice;
  // G-6.2.2: a meter exchanged or removed inside the period; each meter's readings.
  const meters = n?.fields.meters as
    | { serialNo: string; startReading: number; endReading: number; volume: number; removedOn?: string }[]
    | undefined;
  if (!n)
    return (
      <Card size="small" title={t('bill.notice')} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('bill.noNotice')}</Typography.Text>
      </Card>
    );
  const explanation = n.fields.dueExplanation as { zh: string; en: string } | undefined;
  return (
    <Card
      size="small"
      title={`${t('bill.notice')} ${n.noticeNo}`}
      style={{ marginBottom: 16 }}
      data-testid="bill-notice"
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        labelStyle={{ whiteSpace: 'nowrap' }}
      >
        {NOTICE_FIELDS.map((k) => (
          <Descriptions.Item key={k} label={t(`bill.f.${k}`)}>
            {fieldValue(k, n.fields[k])}
            {/* The notice reads as the customer gets it; how the last day was reckoned (G-6.2.6) is for staff
                answering a caller, one click away. */}
            {k === 'payDeadline' && explanation && (
              <Popover
                trigger="click"
                title={t('bill.dueBasis')}
                content={<div style={{ maxWidth: 420 }}>{explanation[lang]}</div>}
              >
                <Button type="link" size="small" data-testid="due-basis">
                  {t('bill.dueBasis')}
                </Button>
              </Popover>
            )}
          </Descriptions.Item>
        ))}
        {meters && meters.length > 0 && (
          <Descriptions.Item label={t('bill.f.meters')} span={2}>
            <div data-testid="notice-meters">
              {meters.map((m) => (
                <div key={m.serialNo}>
                  {t('bill.meterSegment', {
                    serial: m.serialNo,
                    start: m3(m.startReading),
                    end: m3(m.endReading),
                    volume: m3(m.volume),
                  })}
                  {m.removedOn ? ` ${t('bill.meterRemovedOn', { on: m.removedOn })}` : ''}
                </div>
              ))}
            </div>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function CorrectionModal(props: {
  bill: BillDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; endRegister: number }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await billing.correct(props.bill.id, v);
      message.success(t('bill.correctDone'));
      props.onClose();
      props.onDone();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('bill.correct')}
      onCancel={props.onClose}
      onOk={submit}
      confirmLoading={busy}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">{t('bill.correctHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ endRegister: props.bill.endRegister ?? 0 }}>
        <Form.Item name="reason" label={t('bill.correctReason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="endRegister" label={t('bill.correctEnd')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
