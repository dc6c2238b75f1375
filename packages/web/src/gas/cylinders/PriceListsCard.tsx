import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorText } from '../../common/errors.tsx';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { cylinderPrices, cylinderPriceKeys, yuan, type CylinderPriceList } from './deliveries.ts';

type Values = {
  effectiveFrom: Dayjs;
  items: { model: string; fillKg: number; priceYuan: number }[];
  deliveryFeeYuan: number;
  basis?: string;
};

const STATUS_COLOR = { in_force: 'green', scheduled: 'blue', superseded: 'default' } as const;

/**
 * G-7.2.1, G-7.1.13: the company's published bottled-gas price list — what residents order from on the phone and read
 * on the public page. The admin publishes a new list from a day not yet past; a list is never edited, a later one
 * supersedes it, and the history stays listed.
 */
export function PriceListsCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const admin = useAuth().user?.role === 'enterprise_admin';
  const [form] = Form.useForm<Values>();
  const lists = useQuery({ queryKey: cylinderPriceKeys.all, queryFn: cylinderPrices.list });
  const publish = useMutation({
    mutationFn: (v: Values) =>
      cylinderPrices.publish({
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        items: v.items.map((i) => ({
          model: i.model,
          fillG: Math.round(i.fillKg * 1000),
          priceFen: Math.round(i.priceYuan * 100),
        })),
        deliveryFeeFen: Math.round(v.deliveryFeeYuan * 100),
        basis: v.basis ?? '',
      }),
    onSuccess: () => {
      message.success(t('dl.prices.published'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: cylinderPriceKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  return (
    <Card size="small" title={t('dl.prices.title')} style={{ marginBottom: 12 }} data-testid="price-lists">
      <List<CylinderPriceList>
        size="small"
        loading={lists.isLoading}
        dataSource={[...(lists.data?.items ?? [])].reverse()}
        locale={{ emptyText: t('dl.prices.none') }}
        renderItem={(l) => (
          <List.Item data-testid={`price-list-${l.status}`}>
            <Space direction="vertical" size={0}>
              <span>
                <Tag color={STATUS_COLOR[l.status]}>{t(`dl.prices.${l.status}`)}</Tag>
                {l.effectiveTo
                  ? t('dl.prices.period', { from: l.effectiveFrom, to: l.effectiveTo })
                  : t('dl.prices.from', { from: l.effectiveFrom })}
                {l.demo ? <Tag style={{ marginLeft: 8 }}>{t('dl.prices.demo')}</Tag> : null}
              </span>
              <Typography.Text>
                {l.items
                  .map((i) => `${i.model}（${(i.fillG / 1000).toFixed(1)} kg）${yuan(i.priceFen)}`)
                  .join('；')}
                ；{t('dl.prices.fee')} {yuan(l.deliveryFeeFen)}
              </Typography.Text>
              {l.basis ? <Typography.Text type="secondary">{l.basis}</Typography.Text> : null}
            </Space>
          </List.Item>
        )}
      />
      {admin ? (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => publish.mutate(v)}
          initialValues={{ items: [{ model: 'YSP35.5', fillKg: 14.5 }] }}
          data-testid="price-list-form"
        >
          <Typography.Text strong>{t('dl.prices.new')}</Typography.Text>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'model']} rules={[{ required: true }]}>
                      <Input placeholder={t('dl.prices.model')} data-testid="price-model" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'fillKg']} rules={[{ required: true }]}>
                      <InputNumber min={0.1} step={0.5} addonAfter="kg" placeholder={t('dl.prices.fill')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'priceYuan']} rules={[{ required: true }]}>
                      <InputNumber
                        min={0}
                        precision={2}
                        addonBefore="¥"
                        placeholder={t('dl.prices.price')}
                        data-testid="price-yuan"
                      />
                    </Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add()}
                  style={{ marginBottom: 12 }}
                >
                  {t('dl.prices.addModel')}
                </Button>
              </>
            )}
          </Form.List>
          <Space wrap>
            <Form.Item name="deliveryFeeYuan" label={t('dl.prices.fee')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} addonBefore="¥" data-testid="price-fee" />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('dl.prices.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker data-testid="price-from" />
            </Form.Item>
          </Space>
          <Form.Item name="basis" label={t('dl.prices.basis')}>
            <Input placeholder={t('dl.prices.basisHint')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="price-publish">
            {t('dl.prices.publish')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
