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
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { applyServerErrors, ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { enterpriseColumn, useEnterpriseNames } from '../common/enterprises.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { ExercisePhotos } from './ExercisePhotos.tsx';
import { emergency, emergencyKeys, type Exercise, type Plan, type ReadinessAlert } from './emergency.ts';

/** The readiness watcher's alerts: roster gaps ahead, plan reviews, yearly shortfalls. */
export function AlertsTab({ canAck }: { canAck: boolean }) {
  const { t, lang } = useI18n();
  const regulator = useAuth().user?.role === 'regulator';
  const names = useEnterpriseNames(regulator);
  const queries = useQueryClient();
  const list = useQuery({ queryKey: emergencyKeys.alerts, queryFn: emergency.alerts });
  const ack = useMutation({
    mutationFn: emergency.ack,
    onSuccess: () => void queries.invalidateQueries({ queryKey: emergencyKeys.alerts }),
  });
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="readiness-alerts"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      scroll={{ x: true }}
      columns={[
        ...enterpriseColumn<ReadinessAlert>(t, names, regulator),
        {
          title: t('em.alert.kind'),
          dataIndex: 'kind',
          render: (k: string) => <Tag>{t(`em.alert.${k}` as MessageKey)}</Tag>,
        },
        {
          title: t('em.alert.message'),
          render: (_: unknown, a: ReadinessAlert) => (lang === 'zh' ? a.messages.zh : a.messages.en),
        },
        {
          title: t('em.alert.raised'),
          dataIndex: 'createdAt',
          render: (v: string) => formatShanghai(v, false),
        },
        {
          title: '',
          render: (_: unknown, a: ReadinessAlert) =>
            a.acknowledgedAt ? (
              <Tag color="green">{t('em.alert.acked')}</Tag>
            ) : canAck ? (
              <Button size="small" onClick={() => ack.mutate(a.id)}>
                {t('em.alert.ack')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

type PlanValues = {
  eventKind: Plan['eventKind'];
  title: string;
  contents: string;
  filedWith: string;
  filedOn: Dayjs;
  reviewDueOn: Dayjs;
};
const EVENT_KINDS: Plan['eventKind'][] = [
  'natural_disaster',
  'extreme_weather',
  'public_order',
  'accident',
  'supply_shortage',
];

/** G-5.12.1, G-5.12.2, H-6.4.1: plans per kind of event with their filing and review date. */
export function PlansTab({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const regulator = useAuth().user?.role === 'regulator';
  const names = useEnterpriseNames(regulator);
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<PlanValues>();
  const list = useQuery({ queryKey: emergencyKeys.plans, queryFn: emergency.plans });
  const file = useMutation({
    mutationFn: (v: PlanValues) =>
      emergency.filePlan({
        ...v,
        filedOn: v.filedOn.format('YYYY-MM-DD'),
        reviewDueOn: v.reviewDueOn.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      message.success(t('em.saved'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: emergencyKeys.plans });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['filedOn', 'reviewDueOn']);
      if (text) message.error(text);
    },
  });
  const state = { ok: 'green', due_soon: 'orange', overdue: 'red' } as const;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          ...enterpriseColumn<Plan>(t, names, regulator),
          {
            title: t('em.plan.kind'),
            dataIndex: 'eventKind',
            render: (k: string) => t(`em.plan.kind.${k}` as MessageKey),
          },
          { title: t('em.plan.title'), dataIndex: 'title' },
          { title: t('em.plan.filedWith'), dataIndex: 'filedWith' },
          { title: t('em.plan.filedOn'), dataIndex: 'filedOn' },
          {
            title: t('em.plan.reviewDueOn'),
            render: (_: unknown, p: Plan) => (
              <Space>
                {p.reviewDueOn}
                {p.current ? (
                  <Tag color={state[p.reviewState]}>{t(`em.review.${p.reviewState}` as MessageKey)}</Tag>
                ) : (
                  <Tag>{t('em.plan.superseded')}</Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('em.plan.add')}>
          <Form form={form} layout="vertical" onFinish={(v) => file.mutate(v)}>
            <Form.Item name="eventKind" label={t('em.plan.kind')} rules={[{ required: true }]}>
              <Select
                options={EVENT_KINDS.map((k) => ({ value: k, label: t(`em.plan.kind.${k}` as MessageKey) }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t('em.plan.title')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="contents" label={t('em.plan.contents')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="filedWith" label={t('em.plan.filedWith')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="filedOn" label={t('em.plan.filedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="reviewDueOn" label={t('em.plan.reviewDueOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={file.isPending}>
              {t('em.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}

type ExerciseValues = Omit<Exercise, 'id' | 'enterpriseId' | 'createdAt' | 'heldOn' | 'photos'> & {
  heldOn: Dayjs;
  photos?: string[];
};

/** G-5.12.4, G-5.12.5, H-6.4.2: drills and leak-response publicity, and what the year still lacks. */
export function ExercisesTab({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const regulator = useAuth().user?.role === 'regulator';
  const names = useEnterpriseNames(regulator);
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<ExerciseValues>();
  const list = useQuery({ queryKey: emergencyKeys.exercises, queryFn: emergency.exercises });
  const record = useMutation({
    mutationFn: (v: ExerciseValues) =>
      emergency.recordExercise({ ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), photos: v.photos ?? [] }),
    onSuccess: () => {
      message.success(t('em.saved'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: emergencyKeys.exercises });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['heldOn']);
      if (text) message.error(text);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {(list.data?.shortfalls ?? []).map((s) => (
        <Alert
          key={s.kind}
          type={s.alert ? 'error' : 'warning'}
          showIcon
          message={t('em.ex.shortfall', {
            kind: t(`em.ex.kind.${s.kind}`),
            done: s.done,
            perYear: s.perYear,
            clause: s.clause,
            days: s.workingDaysLeft,
          })}
        />
      ))}
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          ...enterpriseColumn<Exercise>(t, names, regulator),
          {
            title: t('em.ex.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`em.ex.kind.${k}` as MessageKey),
          },
          { title: t('em.ex.heldOn'), dataIndex: 'heldOn' },
          { title: t('em.ex.place'), dataIndex: 'place' },
          {
            title: t('em.ex.audience'),
            dataIndex: 'audience',
            render: (k: string) => t(`em.ex.audience.${k}` as MessageKey),
          },
          { title: t('em.ex.participants'), dataIndex: 'participants' },
          {
            title: t('em.ex.photos'),
            render: (_: unknown, x: Exercise) =>
              x.photos.map((p, i) => <img key={i} src={p} alt="" style={{ height: 32, marginRight: 4 }} />),
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('em.ex.add')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => record.mutate(v)}
            initialValues={{ kind: 'drill', audience: 'customers' }}
          >
            <Space wrap>
              <Form.Item name="kind" label={t('em.ex.kind')} rules={[{ required: true }]}>
                <Select
                  style={{ minWidth: 160 }}
                  options={['drill', 'leak_publicity'].map((k) => ({
                    value: k,
                    label: t(`em.ex.kind.${k}` as MessageKey),
                  }))}
                />
              </Form.Item>
              <Form.Item name="audience" label={t('em.ex.audience')} rules={[{ required: true }]}>
                <Select
                  style={{ minWidth: 160 }}
                  options={['customers', 'rural_residents', 'staff'].map((k) => ({
                    value: k,
                    label: t(`em.ex.audience.${k}` as MessageKey),
                  }))}
                />
              </Form.Item>
              <Form.Item name="heldOn" label={t('em.ex.heldOn')} rules={[{ required: true }]}>
                <DatePicker data-testid="exercise-held-on" />
              </Form.Item>
              <Form.Item name="participants" label={t('em.ex.participants')} rules={[{ required: true }]}>
                <InputNumber min={1} data-testid="exercise-participants" />
              </Form.Item>
            </Space>
            <Form.Item name="place" label={t('em.ex.place')} rules={[{ required: true }]}>
              <Input data-testid="exercise-place" />
            </Form.Item>
            <Form.Item name="summary" label={t('em.ex.summary')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="photos" label={t('em.ex.photos')}>
              <ExercisePhotos />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="exercise-save">
              {t('em.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
