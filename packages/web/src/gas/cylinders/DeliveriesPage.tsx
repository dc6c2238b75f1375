import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  InputNumber,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { kg } from './cylinders.ts';
import { PriceListsCard } from './PriceListsCard.tsx';
import { deliveries, deliveryKeys, yuan, type BottledOrder, type Delivery } from './deliveries.ts';

/**
 * Deliveries, returns and residue (G-7.2.1, G-7.2.2, G-7.1.13, G-7.1.14): every delivery with its cylinders,
 * installation or declined advice, signature and receipt; each empty taken back is weighed once and residue above
 * 3 % of the fill is credited to the customer's account by the published rule.
 */
export function DeliveriesPage() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const query = { limit: 100, ...(pending ? { pendingResidue: 'true' as const } : {}) };
  const list = useQuery({ queryKey: deliveryKeys.list(query), queryFn: () => deliveries.list(query) });
  const counts = list.data?.counts;

  return (
    <div data-testid="page-deliveries">
      <Typography.Title level={4}>{t('dl.pageTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dl.pageHint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dl.count')} value={counts?.deliveries ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('dl.onTimeRate')}
              value={
                counts && counts.deliveries > 0 ? ((counts.onTime * 100) / counts.deliveries).toFixed(1) : '—'
              }
              suffix={counts && counts.deliveries > 0 ? '%' : undefined}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dl.residuePending')} value={counts?.residuePending ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dl.credited')} value={counts?.credited ?? 0} />
          </Card>
        </Col>
      </Row>
      <PriceListsCard />
      <SelfServiceOrders />
      <Space style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          value={pending}
          onChange={(e) => setPending(e.target.value as boolean)}
          options={[
            { value: false, label: t('dl.filterAll') },
            { value: true, label: t('dl.filterPending') },
          ]}
          data-testid="dl-filter"
        />
      </Space>
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="dl-table"
        columns={[
          {
            title: t('dl.deliveredAt'),
            dataIndex: 'deliveredAt',
            width: 130,
            render: (v: string) => dayjs(v).format('MM-DD HH:mm'),
          },
          {
            title: t('dl.order'),
            dataIndex: 'orderNo',
            width: 150,
            render: (v: string, r) => <Link to={`/orders/${r.orderId}`}>{v}</Link>,
          },
          { title: t('dl.customer'), dataIndex: 'customerName', width: 90 },
          {
            title: t('dl.full'),
            dataIndex: 'fullCode',
            width: 120,
            render: (v: string) => <Link to={`/cylinders/${v}`}>{v}</Link>,
          },
          {
            title: t('dl.empty'),
            dataIndex: 'emptyCode',
            width: 120,
            render: (v: string | null) => (v ? <Link to={`/cylinders/${v}`}>{v}</Link> : '—'),
          },
          {
            title: t('dl.installation'),
            width: 180,
            render: (_, r) =>
              r.installed ? (
                <Tag color="green">{r.signed ? t('dl.installedSigned') : t('dl.installedDone')}</Tag>
              ) : (
                <span>
                  <Tag color="orange">{t('dl.declined')}</Tag>
                  <Typography.Text type="secondary">{r.declinedAdvice}</Typography.Text>
                </span>
              ),
          },
          {
            title: t('dl.onTime'),
            dataIndex: 'onTime',
            width: 80,
            render: (v: boolean) => (
              <Tag color={v ? 'green' : 'red'}>{v ? t('dl.onTimeYes') : t('dl.onTimeNo')}</Tag>
            ),
          },
          {
            title: t('dl.receipt'),
            width: 170,
            render: (_, r) => `${r.receiptNo} · ${yuan(r.amountFen)}`,
          },
          { title: t('dl.residue'), width: 260, fixed: 'right', render: (_, r) => <ResidueCell d={r} /> },
        ]}
      />
    </div>
  );
}

/** The residue of the empty taken back: the weighing form, or what was weighed and credited. */
function ResidueCell({ d }: { d: Delivery }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [value, setValue] = useState<number | null>(null);
  const weigh = useMutation({
    mutationFn: (g: number) => deliveries.weigh(d.id, g),
    onSuccess: async (r) => {
      const refund = r.residue?.refundFen ?? 0;
      message.success(refund > 0 ? t('dl.creditedMsg', { amount: yuan(refund) }) : t('dl.withinLimit'));
      await queries.invalidateQueries({ queryKey: deliveryKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  if (!d.emptyCode) return <Typography.Text type="secondary">{t('dl.noReturn')}</Typography.Text>;
  const r = d.residue;
  if (r) {
    return (
      <span data-testid={`dl-residue-${d.emptyCode}`}>
        {kg(r.residueG)} / {t('dl.limit')} {kg(r.limitG)}{' '}
        {r.refundFen > 0 ? (
          <Tag color="magenta">{t('dl.refund', { amount: yuan(r.refundFen) })}</Tag>
        ) : (
          <Tag>{t('dl.withinLimit')}</Tag>
        )}
      </span>
    );
  }
  return (
    <Space.Compact>
      <InputNumber
        min={0}
        max={100}
        precision={2}
        placeholder={t('dl.residueKg')}
        value={value}
        onChange={setValue}
        suffix="kg"
        style={{ width: 130 }}
        data-testid={`dl-weigh-input-${d.emptyCode}`}
      />
      <Button
        type="primary"
        loading={weigh.isPending}
        disabled={value == null}
        onClick={() => value != null && weigh.mutate(Math.round(value * 1000))}
        data-testid={`dl-weigh-${d.emptyCode}`}
      >
        {t('dl.weigh')}
      </Button>
    </Space.Compact>
  );
}

/** Residents' self-service orders (G-7.2.1): the model and quantity chosen on the published list, the total, the
 * time proposed and agreed, and the receipt once delivered. */
function SelfServiceOrders() {
  const { t } = useI18n();
  const q = { limit: 50 };
  const list = useQuery({ queryKey: deliveryKeys.orders(q), queryFn: () => deliveries.orders(q) });
  return (
    <Card size="small" title={t('dl.selfService')} style={{ marginBottom: 12 }} data-testid="dl-self-service">
      <Table<BottledOrder>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('dl.order'),
            dataIndex: 'orderNo',
            width: 150,
            render: (v: string, r) => <Link to={`/orders/${r.orderId}`}>{v}</Link>,
          },
          { title: t('dl.customer'), dataIndex: 'customerName', width: 90 },
          {
            title: t('dl.orderedCol'),
            width: 200,
            render: (_, r) => `${r.model} × ${r.quantity} · ${yuan(r.totalFen)}`,
          },
          {
            title: t('dl.when'),
            width: 150,
            render: (_, r) => dayjs(r.agreedAt ?? r.proposedAt).format('MM-DD HH:mm'),
          },
          {
            title: t('dl.receipt'),
            width: 170,
            render: (_, r) =>
              r.receipt ? (
                `${r.receipt.receiptNo} · ${yuan(r.receipt.amountFen)}`
              ) : (
                <Tag color="orange">{t('dl.awaiting')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
