import { Card, Descriptions, Empty, List, Space, Table, Tabs, Tag, Typography } from 'antd';
import { SafetyEducationTab } from '../../gas/quality/SafetyEducationTab.tsx';
import { NETWORK_POSITIONS, ORIENTATIONS } from '@ranre/domain';
import { Link } from 'react-router-dom';
import type { Contract, Customer360, CustomerOrder, Premises } from '../../api/customers.ts';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.tsx';
import { Countdown } from '../orders/Countdown.tsx';
import { pick } from '../orders/labels.ts';
import { StateTag } from '../orders/StateTag.tsx';
import { CustomerMetering } from '../../gas/metering/CustomerMetering.tsx';
import { CustomerAccountCard } from './CustomerAccountCard.tsx';
import { CustomerNotices } from '../notices/CustomerNotices.tsx';
import { AccountBalanceCard } from '../../money/payments/AccountBalanceCard.tsx';
import { useCustomerBillsTab } from '../../gas/billing/CustomerBills.tsx';

function PremisesList({ premises }: { premises: Premises[] }) {
  const { t, lang } = useI18n();
  if (premises.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List
      size="small"
      dataSource={premises}
      renderItem={(p) => (
        <List.Item data-testid="premises">
          <div>
            <Typography.Text strong>{p.address}</Typography.Text>
            <div className="premises-facts">
              {p.heatedAreaM2 != null ? <Tag>{t('cust.heatedArea', { n: p.heatedAreaM2 })}</Tag> : null}
              {p.orientation ? <Tag>{pick(ORIENTATIONS[p.orientation], lang)}</Tag> : null}
              {p.networkPosition ? <Tag>{pick(NETWORK_POSITIONS[p.networkPosition], lang)}</Tag> : null}
              {p.floor != null ? (
                <Tag>{t('cust.floorOf', { f: p.floor, n: p.buildingFloors ?? '?' })}</Tag>
              ) : null}
              {p.unitHeatUseRate != null ? (
                <Tag>{t('cust.heatUseRate', { n: p.unitHeatUseRate })}</Tag>
              ) : null}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

const UNITS: Record<string, string> = {
  calorificValueMJ: 'MJ/m³',
  pressureKPa: 'kPa',
  flowM3h: 'm³/h',
  supplyTempC: '℃',
  returnTempC: '℃',
  pressureMPa: 'MPa',
};
const ENUMS: Record<string, string> = {
  gasType: 'cust.gasType',
  medium: 'cust.medium',
  settlementMethod: 'cust.method',
};

/** A contract term as read aloud: enums by name, numbers with their unit (G-5.3.3, H-7.1.5). */
function termText(key: string, value: unknown, t: Translate): string {
  if (typeof value === 'number') return `${value} ${UNITS[key] ?? ''}`.trim();
  if (typeof value === 'string' && ENUMS[key]) return t(`${ENUMS[key]}.${value}` as MessageKey);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ContractsList({ contracts }: { contracts: Contract[] }) {
  const { t } = useI18n();
  if (contracts.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cust.noContract')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {contracts.map((c) => (
        <Descriptions
          key={String(c.id)}
          size="small"
          bordered
          column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 3 }}
          items={[
            { key: 'no', label: t('cust.contractNo'), children: c.contractNo },
            { key: 'sector', label: t('cust.sector'), children: t(`cat.sector.${c.sector}` as MessageKey) },
            { key: 'signed', label: t('cust.signedOn'), children: c.signedOn },
            {
              key: 'valid',
              label: t('cust.valid'),
              children: `${c.validFrom} – ${c.validTo ?? t('cust.open')}`,
            },
            {
              key: 'cycle',
              label: t('cust.settlementCycle'),
              children: t(`cust.cycle.${c.settlementCycle}` as MessageKey),
            },
            ...Object.entries(c.terms)
              .filter(([k]) => k !== 'settlementCycle')
              .map(([k, v]) => ({
                key: k,
                label: t(`cust.term.${k}` as MessageKey),
                children: termText(k, v, t),
              })),
          ]}
        />
      ))}
    </Space>
  );
}

function OrdersTable(props: { orders: CustomerOrder[]; itemName: (code: string) => string; open?: boolean }) {
  const { t } = useI18n();
  return (
    <Table<CustomerOrder>
      rowKey="id"
      size="small"
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      dataSource={props.orders}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: props.open ? t('console.noOpenOrders') : t('console.noHistory') }}
      columns={[
        {
          title: t('wo.orderNo'),
          dataIndex: 'orderNo',
          render: (no: string, o) => <Link to={`/orders/${o.id}`}>{no}</Link>,
        },
        {
          title: t('wo.item'),
          key: 'item',
          render: (_, o) => (
            <span>
              {props.itemName(o.itemCode)}
              {o.isComplaint ? (
                <Tag color="magenta" style={{ marginInlineStart: 4 }}>
                  {t('wo.complaint')}
                </Tag>
              ) : null}
              {o.breached ? <Tag color="red">{t('wo.breached')}</Tag> : null}
            </span>
          ),
        },
        { title: t('wo.state'), key: 'state', render: (_, o) => <StateTag state={o.state} /> },
        props.open
          ? { title: t('wo.timeLeft'), key: 'left', render: (_, o) => <Countdown dueAt={o.nextDueAt} /> }
          : {
              title: t('wo.receivedAt'),
              key: 'at',
              className: 'nowrap',
              render: (_, o) => formatShanghai(o.receivedAt, false),
            },
      ]}
    />
  );
}

/** The customer 360 (G-5.8.2): account, open orders with clocks, premises, contracts, service history. */
export function Customer360Panel(props: { data: Customer360; itemName: (code: string) => string }) {
  const { t } = useI18n();
  const { data } = props;
  const billsTab = useCustomerBillsTab(String(data.account.id));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="customer-360">
      <CustomerAccountCard account={data.account} />
      <CustomerNotices customerId={String(data.account.id)} />
      <AccountBalanceCard customerId={String(data.account.id)} />
      <Card size="small" title={t('console.openOrders', { n: data.openOrders.length })}>
        <OrdersTable orders={data.openOrders} itemName={props.itemName} open />
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          size="small"
          items={[
            {
              key: 'premises',
              label: t('console.premises', { n: data.premises.length }),
              children: <PremisesList premises={data.premises} />,
            },
            {
              key: 'contracts',
              label: t('console.contracts', { n: data.contracts.length }),
              children: <ContractsList contracts={data.contracts} />,
            },
            {
              key: 'history',
              label: t('console.history', { n: data.serviceHistory.length }),
              children: <OrdersTable orders={data.serviceHistory} itemName={props.itemName} />,
            },
            ...(String(data.account.kind).startsWith('pipeline')
              ? [
                  {
                    key: 'metering',
                    label: t('meter.tab360'),
                    children: <CustomerMetering customerId={String(data.account.id)} />,
                  },
                  {
                    key: 'safety',
                    label: t('se.tab'),
                    children: <SafetyEducationTab customerId={String(data.account.id)} />,
                  },
                ]
              : []),
            ...billsTab,
          ]}
        />
      </Card>
    </Space>
  );
}
