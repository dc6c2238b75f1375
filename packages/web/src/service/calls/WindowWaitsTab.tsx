import { WaitImportCard } from './WaitImportCard.tsx';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { applyServerErrors } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { waits } from './api.ts';

type Values = { servicePoint: string; samples: { arrivedAt: Dayjs; waitMinutes: number }[] };

/** G-12.4.1.2: waits sampled at a service point's windows, entered here; the average (≤ 15 min) is in 评价考核. */
export function WindowWaitsTab() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['window-waits', page],
    queryFn: () => waits.list({ page, pageSize: 20 }),
  });
  const record = useMutation({
    mutationFn: (v: Values) =>
      waits.record({
        servicePoint: v.servicePoint,
        samples: v.samples.map((s) => ({
          arrivedAt: s.arrivedAt.format(),
          waitMinutes: s.waitMinutes,
          note: '',
        })),
      }),
    onSuccess: (r) => {
      message.success(t('waits.recorded', { n: r.recorded }));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: ['window-waits'] });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['servicePoint']);
      if (text) message.error(text);
    },
  });
  const writer = user?.role === 'enterprise_admin' || user?.role === 'agent';
  const points = list.data?.servicePoints ?? [];
  const s = list.data?.summary;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {writer ? <WaitImportCard /> : null}
      {writer ? (
        <Card title={t('waits.entry')}>
          <Typography.Paragraph type="secondary">{t('waits.hint')}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ samples: [{ arrivedAt: dayjs().startOf('minute'), waitMinutes: undefined }] }}
            onFinish={(v) => record.mutate(v)}
          >
            <Form.Item
              name="servicePoint"
              label={t('waits.point')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                style={{ maxWidth: 320 }}
                options={points.map((p) => ({ value: p, label: p }))}
                showSearch
                data-testid="waits-point"
                notFoundContent={t('waits.noPoints')}
              />
            </Form.Item>
            <Form.List name="samples">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item
                        name={[f.name, 'arrivedAt']}
                        label={t('waits.arrivedAt')}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'waitMinutes']}
                        label={t('waits.minutes')}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <InputNumber min={0} max={1440} step={0.5} data-testid="waits-minutes" />
                      </Form.Item>
                      {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                    </Space>
                  ))}
                  <Form.Item>
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ arrivedAt: dayjs().startOf('minute') })}
                    >
                      {t('waits.add')}
                    </Button>
                  </Form.Item>
                </>
              )}
            </Form.List>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="waits-save">
              {t('waits.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Card title={t('waits.list')}>
        <Space wrap size={32} style={{ marginBottom: 12 }}>
          <Statistic title={t('waits.sampled')} value={s?.sampled ?? 0} />
          <Statistic
            title={t('waits.average')}
            value={s?.averageMinutes ?? '—'}
            suffix={s?.averageMinutes != null ? t('waits.min') : undefined}
          />
        </Space>
        <Table
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('waits.point'), dataIndex: 'servicePoint' },
            {
              title: t('waits.arrivedAt'),
              key: 'at',
              render: (_, r) => dayjs(r.arrivedAt).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: t('waits.minutes'),
              key: 'wait',
              render: (_, r) => Math.round((r.waitSeconds / 60) * 10) / 10,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
