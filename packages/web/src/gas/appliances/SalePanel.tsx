import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { saleReceiptPdfUrl, shop, yuan, type Sale, type SaleInput } from '../../api/appliances.ts';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const HANDOVER = ['receipt', 'warrantyCard', 'certificate', 'manual', 'gasTypeLabel'] as const;

/** G-9.1.3 at the counter: the appliance, the customer, the gas at the address, what the customer takes home. */
export function SalePanel() {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [form] = Form.useForm<SaleInput>();
  const supply = Form.useWatch('supply', form);
  const [result, setResult] = useState<{ ok: boolean; text: string; id?: string } | null>(null);
  const models = useQuery({ queryKey: ['appliance-models', false], queryFn: () => shop.models(false) });
  const areas = useQuery({ queryKey: ['gas-areas'], queryFn: shop.gasAreas });
  const sales = useQuery({ queryKey: ['appliance-sales'], queryFn: shop.sales });
  const gas = (g: string) => t(`shop.gas.${g}` as MessageKey);

  const sell = useMutation({
    mutationFn: (v: SaleInput) => shop.sell({ ...v, community: v.supply === 'pipeline' ? v.community : '' }),
    onSuccess: (sale) => {
      setResult({ ok: true, text: t('shop.sold', { no: sale.saleNo }), id: sale.id });
      form.resetFields();
      void queries.invalidateQueries({ queryKey: ['appliance-sales'] });
    },
    onError: (e) => setResult({ ok: false, text: errorText(e, lang) }),
  });

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('shop.noBrand')} />
      <Card style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">{t('shop.gasSource')}</Typography.Paragraph>
        <Form<SaleInput>
          form={form}
          layout="vertical"
          initialValues={{ quantity: 1, supply: 'pipeline', handedOver: [] }}
          onFinish={(v) => sell.mutate(v)}
          data-testid="sale-form"
        >
          <Form.Item name="modelId" label={t('shop.model')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="sale-model"
              options={(models.data?.items ?? []).map((m) => ({
                value: m.id,
                label: `${m.brand} ${m.model}（${m.category}，${gas(m.gasType)}）${yuan(m.priceFen)}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="quantity" label={t('shop.quantity')}>
            <InputNumber min={1} max={20} />
          </Form.Item>
          <Form.Item name="customerName" label={t('shop.customerName')} rules={[{ required: true }]}>
            <Input data-testid="sale-name" />
          </Form.Item>
          <Form.Item name="customerPhone" label={t('shop.customerPhone')} rules={[{ required: true }]}>
            <Input inputMode="tel" data-testid="sale-phone" />
          </Form.Item>
          <Form.Item name="address" label={t('shop.address')} rules={[{ required: true }]}>
            <Input data-testid="sale-address" />
          </Form.Item>
          <Form.Item name="supply" label={t('shop.supply')}>
            <Radio.Group data-testid="sale-supply">
              <Radio value="pipeline">{t('shop.supply.pipeline')}</Radio>
              <Radio value="bottled">{t('shop.supply.bottled')}</Radio>
            </Radio.Group>
          </Form.Item>
          {supply === 'pipeline' ? (
            <Form.Item
              name="community"
              label={t('shop.community')}
              extra={t('shop.communityHint')}
              rules={[{ required: true }]}
            >
              <Select
                showSearch
                data-testid="sale-community"
                options={(areas.data?.items ?? []).map((a) => ({
                  value: a.community,
                  label: `${a.community}（${gas(a.gasType)}）`,
                }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="handedOver" label={t('shop.handedOver')}>
            <Checkbox.Group
              data-testid="sale-handover"
              options={HANDOVER.map((k) => ({ value: k, label: t(`shop.h.${k}` as MessageKey) }))}
            />
          </Form.Item>
          {result ? (
            <Alert
              type={result.ok ? 'success' : 'error'}
              showIcon
              message={result.ok ? result.text : t('shop.refused')}
              description={
                result.ok && result.id ? (
                  <a
                    href={saleReceiptPdfUrl(result.id)}
                    target="_blank"
                    rel="noreferrer"
                    data-testid="sale-receipt"
                  >
                    <FilePdfOutlined /> {t('shop.receipt')}
                  </a>
                ) : result.ok ? undefined : (
                  result.text
                )
              }
              style={{ marginBottom: 12 }}
              data-testid={result.ok ? 'sale-ok' : 'sale-error'}
            />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={sell.isPending}
            data-testid="sale-submit"
          >
            {t('shop.sell')}
          </Button>
        </Form>
      </Card>
      <Card title={t('shop.sales')}>
        <ErrorAlert error={sales.error} onRetry={() => void sales.refetch()} />
        <Table<Sale>
          rowKey="id"
          size="small"
          loading={sales.isLoading}
          dataSource={sales.data?.items ?? []}
          scroll={{ x: 720 }}
          data-testid="sales-table"
          columns={[
            { title: t('shop.col.no'), dataIndex: 'saleNo' },
            { title: t('shop.col.appliance'), render: (_, s) => `${s.brand} ${s.model} × ${s.quantity}` },
            { title: t('shop.col.gas'), render: (_, s) => <Tag>{gas(s.gasType)}</Tag> },
            { title: t('shop.col.addressGas'), render: (_, s) => gas(s.addressGasType) },
            { title: t('shop.col.customer'), render: (_, s) => `${s.customerName} ${s.customerPhone}` },
            { title: t('shop.col.total'), render: (_, s) => yuan(s.totalFen) },
            { title: t('shop.col.time'), render: (_, s) => formatShanghai(s.soldAt, false) },
            {
              title: t('shop.col.receipt'),
              render: (_, s) => (
                <a
                  href={saleReceiptPdfUrl(s.id)}
                  target="_blank"
                  rel="noreferrer"
                  data-testid="sale-receipt-row"
                >
                  <FilePdfOutlined /> PDF
                </a>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
