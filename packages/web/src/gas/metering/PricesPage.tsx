import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { GAS_CUSTOMER_CLASSES, GAS_CUSTOMER_CLASS_LABELS } from '@ranre/domain';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { applyServerErrors, ErrorAlert } from '../../common/errors.tsx';
import { enterpriseColumn, useEnterpriseNames } from '../../common/enterprises.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { canPublishPrices } from './access.ts';
import type { Body } from '../../api/contract.ts';
import { metering, meteringKeys, yuan, type PriceSchedule, type PriceTier } from './api.ts';

const STATUS_COLOR = { in_force: 'green', scheduled: 'blue', superseded: 'default' } as const;

function TiersTable({ tiers }: { tiers: PriceTier[] }) {
  const { t } = useI18n();
  let from = 0;
  const rows = tiers.map((x, i) => {
    const row = {
      key: i,
      tier: i + 1,
      from: from / 1000,
      to: x.upTo === null ? null : x.upTo / 1000,
      price: x.price,
    };
    from = x.upTo ?? from;
    return row;
  });
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('price.tier'), dataIndex: 'tier' },
        {
          title: t('price.band'),
          key: 'b',
          render: (_, r) => `${r.from} – ${r.to === null ? t('price.open') : r.to} m³`,
        },
        { title: t('price.unit'), dataIndex: 'price', render: (p: number) => `¥${yuan(p)}/m³` },
      ]}
    />
  );
}

/** The tiers on one line: '≤400 m³ ¥3.31 · 400–600 m³ ¥3.97 · >600 m³ ¥4.96'. */
function TierSummary({ tiers }: { tiers: PriceTier[] }) {
  const { t } = useI18n();
  if (tiers.length === 1)
    return <span data-testid="tier-summary">{`${t('price.flat')} ¥${yuan(tiers[0]!.price)}/m³`}</span>;
  let from = 0;
  const parts = tiers.map((x) => {
    const band =
      x.upTo === null
        ? `>${from / 1000}`
        : from === 0
          ? `≤${x.upTo / 1000}`
          : `${from / 1000}–${x.upTo / 1000}`;
    from = x.upTo ?? from;
    return `${band} m³ ¥${yuan(x.price)}`;
  });
  return <span data-testid="tier-summary">{parts.join(' · ')}</span>;
}

/** /prices — gas price schedules per customer class with annual tiers (阶梯气价), effective dates, demo label (G-6.2.4). */
export function PricesPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const queries = useQueryClient();
  const list = useQuery({ queryKey: meteringKeys.prices, queryFn: () => metering.prices() });
  const create = useMutation({
    mutationFn: (v: {
      customerClass: Body<'/api/prices'>['customerClass'];
      effectiveFrom: Dayjs;
      label: string;
      demo: boolean;
      basis?: string;
      tiers: { upTo?: number; price: number }[];
    }) =>
      metering.createPrice({
        customerClass: v.customerClass,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        label: v.label,
        demo: v.demo,
        basis: v.basis ?? '',
        tiers: v.tiers.map((x, i) => ({
          upTo: i === v.tiers.length - 1 ? null : Math.round((x.upTo ?? 0) * 1000),
          price: Math.round(x.price * 100),
        })),
      }),
    onSuccess: (s) => {
      message.success(t('price.published', { n: s.notified }));
      setCreating(false);
      form.resetFields();
      void queries.invalidateQueries({ queryKey: meteringKeys.prices });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['effectiveFrom', 'tiers']);
      if (text) message.error(text);
    },
  });
  const publish = create.mutate;
  const regulator = user.role === 'regulator';
  const names = useEnterpriseNames(regulator);
  // The regulator sees every company's schedules: grouped by company, each company's newest first.
  const items = list.data?.items ?? [];
  const company = (s: PriceSchedule) => names.get(s.enterpriseId) ?? s.enterpriseId;
  const rowsOf = (c: string) =>
    items
      .filter((s) => s.customerClass === c)
      .reverse()
      .sort((a, b) => company(a).localeCompare(company(b), 'zh'));
  return (
    <div data-testid="page-prices">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.prices')}</Typography.Title>
        {canPublishPrices(user.role) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('price.create')}
          </Button>
        ) : null}
      </div>
      <Alert type="warning" showIcon message={t('price.rule')} style={{ marginBottom: 12 }} />
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {GAS_CUSTOMER_CLASSES.map((c) => (
        <Card key={c} size="small" title={GAS_CUSTOMER_CLASS_LABELS[c][lang]} style={{ marginBottom: 12 }}>
          <Table<PriceSchedule>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            pagination={false}
            dataSource={rowsOf(c)}
            expandable={{
              expandedRowRender: (s) => <TiersTable tiers={s.tiers} />,
              defaultExpandAllRows: true,
            }}
            columns={[
              ...enterpriseColumn<PriceSchedule>(t, names, regulator),
              {
                title: t('price.effective'),
                key: 'e',
                render: (_, s) => `${s.effectiveFrom} – ${s.effectiveTo ?? t('price.openEnd')}`,
              },
              {
                title: t('price.status'),
                dataIndex: 'status',
                render: (x: PriceSchedule['status']) => (
                  <Tag color={STATUS_COLOR[x]}>{t(`price.status.${x}` as MessageKey)}</Tag>
                ),
              },
              {
                title: t('price.label'),
                key: 'l',
                render: (_, s) => (
                  <Space>
                    {s.label}
                    {s.demo ? (
                      <Tag color="red" data-testid="demo-price">
                        {t('price.demo')}
                      </Tag>
                    ) : null}
                  </Space>
                ),
              },
              { title: t('price.tiers'), key: 'tiers', render: (_, s) => <TierSummary tiers={s.tiers} /> },
              { title: t('price.basis'), dataIndex: 'basis' },
              {
                title: t('price.told'),
                key: 'n',
                render: (_, s) =>
                  s.notified > 0
                    ? t('price.toldOn', { d: s.announcedOn ?? '', n: s.notified })
                    : (s.announcedOn ?? '—'),
              },
            ]}
          />
        </Card>
      ))}
      <Modal
        open={creating}
        width={640}
        title={t('price.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={publish}
          initialValues={{
            customerClass: 'residential',
            demo: true,
            label: t('price.demoLabel'),
            tiers: [{ upTo: 400, price: 3.36 }, { upTo: 600, price: 4.03 }, { price: 5.04 }],
          }}
        >
          <Form.Item name="customerClass" label={t('price.class')} rules={[{ required: true }]}>
            <Select
              options={GAS_CUSTOMER_CLASSES.map((c) => ({
                value: c,
                label: GAS_CUSTOMER_CLASS_LABELS[c][lang],
              }))}
            />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('price.effectiveFrom')}
            rules={[{ required: true }]}
            extra={t('price.noRetro')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="label" label={t('price.label')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="demo" label={t('price.demo')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="basis" label={t('price.basis')}>
            <Input maxLength={200} />
          </Form.Item>
          <Typography.Text>{t('price.tiersHint')}</Typography.Text>
          <Form.List name="tiers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item
                      name={[f.name, 'upTo']}
                      label={i === fields.length - 1 ? t('price.open') : t('price.upToM3')}
                    >
                      <InputNumber min={1} disabled={i === fields.length - 1} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'price']}
                      label={t('price.unitYuan')}
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => add({ price: 0 }, fields.length - 1)}
                  icon={<PlusOutlined />}
                >
                  {t('price.addTier')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </div>
  );
}
