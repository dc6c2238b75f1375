import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { shop, yuan, type ApplianceModel } from '../../api/appliances.ts';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

type Values = {
  category: string;
  brand: string;
  model: string;
  gasType: 'natural_gas' | 'lpg';
  certificateNo: string;
  warrantyMonths: number;
  warrantyTerms?: string;
  priceYuan: number;
};

/** G-9.1.1–G-9.1.3: the catalogue with marked prices; the admin adds lines and withdraws them. */
export function CataloguePanel({ manage }: { manage: boolean }) {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['appliance-models', true], queryFn: () => shop.models(true) });
  const refresh = () => void queries.invalidateQueries({ queryKey: ['appliance-models'] });
  const add = useMutation({
    mutationFn: ({ priceYuan, ...v }: Values) =>
      shop.addModel({ ...v, warrantyTerms: v.warrantyTerms ?? '', priceFen: Math.round(priceYuan * 100) }),
    onSuccess: () => {
      setError(null);
      form.resetFields();
      refresh();
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  const toggle = useMutation({
    mutationFn: (m: ApplianceModel) => shop.changeModel(m.id, { active: !m.active }),
    onSuccess: refresh,
    onError: (e) => setError(errorText(e, lang)),
  });
  const gas = (g: string) => t(`shop.gas.${g}` as MessageKey);
  return (
    <>
      <Card style={{ marginBottom: 12 }}>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<ApplianceModel>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 760 }}
          data-testid="catalogue-table"
          columns={[
            { title: t('shop.category'), dataIndex: 'category' },
            { title: t('shop.col.appliance'), render: (_, m) => `${m.brand} ${m.model}` },
            { title: t('shop.col.gas'), render: (_, m) => <Tag color="blue">{gas(m.gasType)}</Tag> },
            { title: t('shop.col.certificate'), dataIndex: 'certificateNo' },
            {
              title: t('shop.col.warranty'),
              render: (_, m) => `${t('shop.months', { n: m.warrantyMonths })} ${m.warrantyTerms}`,
            },
            { title: t('shop.col.price'), render: (_, m) => yuan(m.priceFen) },
            {
              title: t('shop.col.status'),
              render: (_, m) => (
                <>
                  <Tag color={m.active ? 'green' : 'default'}>
                    {t(m.active ? 'shop.active' : 'shop.withdrawn')}
                  </Tag>
                  {manage ? (
                    <Button size="small" onClick={() => toggle.mutate(m)}>
                      {t(m.active ? 'shop.withdraw' : 'shop.reinstate')}
                    </Button>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </Card>
      {manage ? (
        <Card title={t('shop.addModel')}>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ gasType: 'natural_gas', warrantyMonths: 12 }}
            onFinish={(v) => add.mutate(v)}
            data-testid="model-form"
          >
            <Form.Item name="category" label={t('shop.category')} rules={[{ required: true }]}>
              <Input placeholder="燃气灶 / 燃气热水器 / 壁挂炉" />
            </Form.Item>
            <Form.Item name="brand" label={t('shop.brand')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="model" label={t('shop.modelNo')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="gasType" label={t('shop.gasType')}>
              <Select options={['natural_gas', 'lpg'].map((g) => ({ value: g, label: gas(g) }))} />
            </Form.Item>
            <Form.Item name="certificateNo" label={t('shop.certificateNo')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="warrantyMonths" label={t('shop.warrantyMonths')} rules={[{ required: true }]}>
              <InputNumber min={1} max={120} />
            </Form.Item>
            <Form.Item name="warrantyTerms" label={t('shop.warrantyTerms')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="priceYuan" label={t('shop.priceYuan')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} />
            </Form.Item>
            {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('shop.addModel')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
