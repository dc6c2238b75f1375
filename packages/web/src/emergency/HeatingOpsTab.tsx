import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { enterpriseColumn, useEnterpriseNames } from '../common/enterprises.tsx';
import { applyServerErrors, errorText } from '../common/errors.tsx';
import { formatShanghai, todayShanghai } from '../common/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { heatingOps, heatingOpsKeys, type FacilityCheck, type MaintenancePlan } from './emergency.ts';
import { BuildingNoticesCard, CommitmentsCard } from './HeatingCommitments.tsx';

const STATUS_COLOR = { open: 'blue', overdue: 'red', closed: 'green' } as const;
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Heating operations (issue 20): patrols, the maintenance plan, commitments of new communities, building notices. */
export function HeatingOpsTab({ canEdit, regulator }: { canEdit: boolean; regulator: boolean }) {
  const { t } = useI18n();
  const names = useEnterpriseNames(regulator);
  const props = { canEdit, regulator, names };
  return (
    <Tabs
      size="small"
      items={[
        { key: 'checks', label: t('emo.checks.title'), children: <ChecksCard {...props} /> },
        { key: 'plans', label: t('emo.plan.title'), children: <PlansCard {...props} /> },
        { key: 'commitments', label: t('emo.commit.title'), children: <CommitmentsCard {...props} /> },
        { key: 'notices', label: t('emo.notice.title'), children: <BuildingNoticesCard {...props} /> },
      ]}
    />
  );
}

type Props = { canEdit: boolean; regulator: boolean; names: Map<string, string> };
type CheckValues = {
  kind: 'patrol' | 'inspection';
  facility: string;
  checkedOn: Dayjs;
  checkedBy: string;
  note?: string;
  findings?: { text: string; severity: 'minor' | 'major'; dueOn: Dayjs }[];
};

/** H-6.3.1: patrols and inspections with their findings, each closed with what was done. */
function ChecksCard({ canEdit, regulator, names }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<CheckValues>();
  const list = useQuery({ queryKey: heatingOpsKeys.checks, queryFn: heatingOps.checks });
  const refresh = () => void queries.invalidateQueries({ queryKey: heatingOpsKeys.checks });
  const record = useMutation({
    mutationFn: (v: CheckValues) =>
      heatingOps.recordCheck({
        kind: v.kind,
        facility: v.facility,
        checkedOn: day(v.checkedOn),
        checkedBy: v.checkedBy,
        note: v.note ?? '',
        findings: (v.findings ?? []).map((f) => ({ ...f, dueOn: day(f.dueOn) })),
      }),
    onSuccess: () => {
      message.success(t('em.saved'));
      form.resetFields();
      refresh();
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['checkedOn']);
      if (text) message.error(text);
    },
  });
  const close = useMutation({
    mutationFn: (v: { id: string; closure: string }) =>
      heatingOps.closeFinding(v.id, { closedOn: todayShanghai(), closure: v.closure }),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        data-testid="heating-checks"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          ...enterpriseColumn<FacilityCheck>(t, names, regulator),
          { title: t('emo.checks.checkedOn'), dataIndex: 'checkedOn', className: 'nowrap' },
          {
            title: t('emo.checks.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`emo.checks.kind.${k}` as MessageKey),
          },
          { title: t('emo.checks.facility'), dataIndex: 'facility' },
          { title: t('emo.checks.checkedBy'), dataIndex: 'checkedBy' },
          {
            title: t('emo.checks.findings'),
            render: (_: unknown, c: FacilityCheck) =>
              c.findings.length === 0
                ? t('emo.checks.none')
                : c.findings.map((f) => (
                    <div key={f.id}>
                      <Tag color={STATUS_COLOR[f.status]}>{t(`emo.finding.${f.status}` as MessageKey)}</Tag>
                      {f.text}（{t('emo.finding.due')} {f.dueOn}）{f.closure ? `：${f.closure}` : ''}
                      {canEdit && f.status !== 'closed' ? (
                        <CloseFinding onClose={(closure) => close.mutate({ id: f.id, closure })} />
                      ) : null}
                    </div>
                  )),
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('emo.checks.add')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => record.mutate(v)}
            initialValues={{ kind: 'patrol' }}
          >
            <Space wrap>
              <Form.Item name="kind" label={t('emo.checks.kind')} rules={[{ required: true }]}>
                <Select
                  style={{ minWidth: 120 }}
                  options={['patrol', 'inspection'].map((k) => ({
                    value: k,
                    label: t(`emo.checks.kind.${k}` as MessageKey),
                  }))}
                />
              </Form.Item>
              <Form.Item name="facility" label={t('emo.checks.facility')} rules={[{ required: true }]}>
                <Input data-testid="check-facility" />
              </Form.Item>
              <Form.Item name="checkedOn" label={t('emo.checks.checkedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="checkedBy" label={t('emo.checks.checkedBy')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Space>
            <Form.List name="findings">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} wrap align="baseline">
                      <Form.Item name={[f.name, 'text']} rules={[{ required: true }]}>
                        <Input placeholder={t('emo.finding.text')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'severity']} initialValue="minor">
                        <Select
                          style={{ minWidth: 100 }}
                          options={['minor', 'major'].map((k) => ({
                            value: k,
                            label: t(`emo.finding.${k}` as MessageKey),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                        <DatePicker placeholder={t('emo.finding.due')} />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)}>{t('emo.remove')}</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add()} style={{ marginBottom: 12 }}>
                    {t('emo.finding.add')}
                  </Button>
                </>
              )}
            </Form.List>
            <div>
              <Button type="primary" htmlType="submit" loading={record.isPending}>
                {t('em.save')}
              </Button>
            </div>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}

function CloseFinding({ onClose }: { onClose: (closure: string) => void }) {
  const { t } = useI18n();
  const [closure, setClosure] = useState('');
  return (
    <Popconfirm
      title={t('emo.finding.closeWhat')}
      description={<Input.TextArea rows={2} value={closure} onChange={(e) => setClosure(e.target.value)} />}
      onConfirm={() => closure.trim() && onClose(closure.trim())}
    >
      <Button size="small" type="link">
        {t('emo.finding.close')}
      </Button>
    </Popconfirm>
  );
}

type PlanValues = { span: [Dayjs, Dayjs]; items: string };

/** H-6.3.2: the year's maintenance plan in the non-heating season, reported to the heating authority. */
function PlansCard({ canEdit, regulator, names }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<PlanValues>();
  const list = useQuery({ queryKey: heatingOpsKeys.plans, queryFn: heatingOps.plans });
  const refresh = () => void queries.invalidateQueries({ queryKey: heatingOpsKeys.plans });
  const add = useMutation({
    mutationFn: (v: PlanValues) =>
      heatingOps.addPlan({
        year: v.span[0].year(),
        startsOn: day(v.span[0]),
        endsOn: day(v.span[1]),
        items: v.items
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [facility, ...work] = l.split(/[:：]/);
            return { facility: facility!.trim(), work: work.join('：').trim() || facility!.trim() };
          }),
      }),
    onSuccess: () => {
      message.success(t('em.saved'));
      form.resetFields();
      refresh();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const report = useMutation({
    mutationFn: (id: string) => heatingOps.reportPlan(id, t('emo.plan.authority')),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        data-testid="maintenance-plans"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          ...enterpriseColumn<MaintenancePlan>(t, names, regulator),
          { title: t('emo.plan.year'), dataIndex: 'year' },
          {
            title: t('emo.plan.span'),
            render: (_: unknown, p: MaintenancePlan) => `${p.startsOn} ~ ${p.endsOn}`,
          },
          {
            title: t('emo.plan.items'),
            render: (_: unknown, p: MaintenancePlan) =>
              p.items.map((i) => `${i.facility}：${i.work}`).join('；'),
          },
          {
            title: t('emo.plan.reported'),
            render: (_: unknown, p: MaintenancePlan) =>
              p.reportedAt ? (
                `${p.reportedTo ?? ''} ${formatShanghai(p.reportedAt, false)}`
              ) : canEdit ? (
                <Button size="small" onClick={() => report.mutate(p.id)} loading={report.isPending}>
                  {t('emo.plan.report')}
                </Button>
              ) : (
                <Tag color="orange">{t('emo.plan.notReported')}</Tag>
              ),
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('emo.plan.add')}>
          <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
            <Form.Item name="span" label={t('emo.plan.span')} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Form.Item name="items" label={t('emo.plan.itemsHelp')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('em.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
