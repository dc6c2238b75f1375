import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { applyServerErrors } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { cylinders, kg, STATE_COLOR, STATES, type Cylinder, type CylinderInput } from './cylinders.ts';

type Values = {
  code: string;
  manufacturer: string;
  serialNo: string;
  manufacturedOn: Dayjs;
  model: CylinderInput['model'];
  marking: string;
  lastInspectedOn?: Dayjs;
};
const MODELS: CylinderInput['model'][] = ['YSP4.7', 'YSP12', 'YSP35.5', 'YSP118'];

/** G-7.1.4, G-7.1.5: the company's cylinders with their dates and states; a code opens its timeline. */
export function CylindersPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [state, setState] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [due, setDue] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const query = {
    limit: 20,
    offset: (page - 1) * 20,
    ...(state ? { state } : {}),
    ...(q ? { q } : {}),
    ...(due ? { inspectionBy: dayjs().add(30, 'day').format('YYYY-MM-DD') } : {}),
  };
  const list = useQuery({ queryKey: ['cylinders', query], queryFn: () => cylinders.list(query) });
  const register = useMutation({
    mutationFn: (v: Values) =>
      cylinders.register({
        code: v.code,
        manufacturer: v.manufacturer,
        serialNo: v.serialNo,
        manufacturedOn: v.manufacturedOn.format('YYYY-MM-DD'),
        model: v.model,
        marking: v.marking,
        ...(v.lastInspectedOn ? { lastInspectedOn: v.lastInspectedOn.format('YYYY-MM-DD') } : {}),
      }),
    onSuccess: () => {
      message.success(t('cy.registered'));
      setOpen(false);
      form.resetFields();
      void queries.invalidateQueries({ queryKey: ['cylinders'] });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['code', 'manufacturedOn', 'lastInspectedOn']);
      if (text) message.error(text);
    },
  });
  const stateLabel = (s: string) => t(`cy.state.${s}` as MessageKey);
  return (
    <Card
      title={t('cy.title')}
      data-testid="cylinders-page"
      extra={
        user?.role === 'enterprise_admin' && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="cy-register">
            {t('cy.register')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('cy.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {(list.data?.counts ?? []).map((c) => (
          <Tag key={c.state} color={STATE_COLOR[c.state]}>
            {stateLabel(c.state)} {c.n}
          </Tag>
        ))}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('cy.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 220 }}
          data-testid="cy-search"
        />
        <Select
          allowClear
          placeholder={t('cy.state')}
          style={{ width: 160 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={STATES.map((s) => ({ value: s, label: stateLabel(s) }))}
        />
        <Checkbox checked={due} onChange={(e) => setDue(e.target.checked)}>
          {t('cy.inspectionDue')}
        </Checkbox>
      </Space>
      <Table<Cylinder>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('cy.total', { n }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('cy.code'),
            dataIndex: 'code',
            render: (c: string) => (
              <Link to={`/cylinders/${c}`} data-testid="cy-code-link">
                {c}
              </Link>
            ),
          },
          { title: t('cy.model'), dataIndex: 'model' },
          {
            title: t('cy.state'),
            dataIndex: 'state',
            render: (s: string) => <Tag color={STATE_COLOR[s]}>{stateLabel(s)}</Tag>,
          },
          { title: t('cy.manufacturedOn'), dataIndex: 'manufacturedOn' },
          {
            title: t('cy.lastInspectedOn'),
            dataIndex: 'lastInspectedOn',
            render: (d: string | null) => d ?? '—',
          },
          {
            title: t('cy.nextInspectionOn'),
            dataIndex: 'nextInspectionOn',
            render: (d: string) => (
              <Typography.Text type={d < dayjs().format('YYYY-MM-DD') ? 'danger' : undefined}>
                {d}
              </Typography.Text>
            ),
          },
          { title: t('cy.scrapDueOn'), dataIndex: 'scrapDueOn' },
          { title: t('cy.netWeight'), dataIndex: 'lastNetWeightG', render: (g: number | null) => kg(g) },
        ]}
      />
      <Modal
        open={open}
        title={t('cy.register')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={register.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ model: 'YSP35.5', marking: user?.enterpriseName ?? '' }}
          onFinish={(v) => register.mutate(v)}
        >
          {(['code', 'manufacturer', 'serialNo', 'marking'] as const).map((f) => (
            <Form.Item
              key={f}
              name={f}
              label={t(`cy.${f}`)}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input data-testid={`cy-${f}`} />
            </Form.Item>
          ))}
          <Form.Item name="model" label={t('cy.model')} rules={[{ required: true }]}>
            <Select options={MODELS.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item
            name="manufacturedOn"
            label={t('cy.manufacturedOn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="lastInspectedOn" label={t('cy.lastInspectedOn')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
