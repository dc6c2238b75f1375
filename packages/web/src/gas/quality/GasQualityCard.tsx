import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { applyServerErrors } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { GasQualityFacts } from './GasQualityFacts.tsx';
import { gasQuality } from './gasQuality.ts';

type Values = {
  testedOn: Dayjs;
  gasType: string;
  composition: { name: string; percent: number }[];
  calorificMj: number;
  pressureKpa: number;
  testedBy: string;
  note?: string;
};

/**
 * G-5.1.8 on the gas enterprise's own page: publish a gas-quality test result; the latest is what customers see on
 * the public page. A correction is a new result, never an edit.
 */
export function GasQualityCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: ['gas-quality'], queryFn: gasQuality.list });
  const publish = useMutation({
    mutationFn: (v: Values) =>
      gasQuality.publish({
        testedOn: v.testedOn.format('YYYY-MM-DD'),
        gasType: v.gasType,
        composition: v.composition.map((c) => ({ name: c.name, basisPoints: Math.round(c.percent * 100) })),
        calorificKjPerM3: Math.round(v.calorificMj * 1000),
        supplyPressurePa: Math.round(v.pressureKpa * 1000),
        testedBy: v.testedBy,
        note: v.note ?? '',
      }),
    onSuccess: () => {
      message.success(t('gq.published'));
      void queries.invalidateQueries({ queryKey: ['gas-quality'] });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['testedOn', 'composition']);
      if (text) message.error(text);
    },
  });
  const latest = list.data?.items[0];
  return (
    <Card title={t('gq.title')} style={{ marginTop: 16 }} data-testid="gas-quality-card">
      <Typography.Paragraph type="secondary">{t('gq.hint')}</Typography.Paragraph>
      {latest ? (
        <GasQualityFacts report={latest} />
      ) : (
        <Typography.Text type="secondary">{t('gq.none')}</Typography.Text>
      )}
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={{ gasType: '天然气', composition: [{ name: '甲烷', percent: 96 }] }}
        onFinish={(v) => publish.mutate(v)}
      >
        <Space wrap align="start">
          <Form.Item
            name="testedOn"
            label={t('gq.testedOn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker data-testid="gq-tested-on" />
          </Form.Item>
          <Form.Item
            name="gasType"
            label={t('gq.gasType')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="calorificMj"
            label={t('gq.calorificMj')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={200} step={0.01} data-testid="gq-calorific" />
          </Form.Item>
          <Form.Item
            name="pressureKpa"
            label={t('gq.pressureKpa')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0.1} max={10000} step={0.1} data-testid="gq-pressure" />
          </Form.Item>
          <Form.Item
            name="testedBy"
            label={t('gq.testedBy')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input style={{ width: 240 }} data-testid="gq-tested-by" />
          </Form.Item>
        </Space>
        <Form.List name="composition">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Input placeholder={t('gq.component')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'percent']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber min={0.01} max={100} step={0.01} addonAfter="%" />
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
                {t('gq.addComponent')}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="gq-publish">
            {t('gq.publish')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
