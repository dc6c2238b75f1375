import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { errorText, ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { qualityKeys, degrees, quality, yuan, type LowTemperatureCase } from './api.ts';
import { Countdown } from '../../service/orders/Countdown.tsx';
import { StateTag } from '../../service/orders/StateTag.tsx';
import { OutcomeTag } from './DashboardTab.tsx';

type Action = { kind: 'dispute' | 'decide'; c: LowTemperatureCase } | null;

/** H-7.2.3: low-temperature complaints: measurement, third-party test, cause, who pays, the reduction booked. */
export function CasesTab({ canHandle }: { canHandle: boolean }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const cases = useQuery({ queryKey: qualityKeys.cases, queryFn: () => quality.cases() });
  const rules = useQuery({ queryKey: [...qualityKeys.cases, 'rules'], queryFn: () => quality.rules() });
  const [action, setAction] = useState<Action>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const cause = Form.useWatch('cause', form);

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
    setBusy(true);
    try {
      if (action.kind === 'dispute') {
        await quality.dispute(action.c.id, {
          version: action.c.version,
          institution: v.institution,
          result: v.result,
          tenths: Math.round(v.celsius * 10),
          testedOn: (v.testedOn as Dayjs).format('YYYY-MM-DD'),
          testFeeFen: Math.round((v.fee ?? 0) * 100),
        });
      } else {
        await quality.decide(action.c.id, {
          version: action.c.version,
          ...(v.cause ? { cause: v.cause } : {}),
          ...(v.cause === 'company_facility'
            ? { belowFrom: day(v.belowFrom), restoredOn: day(v.restoredOn) }
            : {}),
        });
      }
      message.success(t('common.saved'));
      setAction(null);
      void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const open = (kind: 'dispute' | 'decide', c: LowTemperatureCase) => {
    form.resetFields();
    form.setFieldsValue(
      kind === 'dispute' ? { result: 'failed', testedOn: dayjs() } : { restoredOn: dayjs() },
    );
    setAction({ kind, c });
  };
  const needsCause =
    action?.kind === 'decide' &&
    (action.c.disputedByCustomer
      ? action.c.thirdPartyResult === 'failed'
      : action.c.companyResult === 'fail');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="quality-cases">
      <Card size="small" title={t('q.rule')}>
        {(rules.data?.items ?? []).map((r) => (
          <div key={r.id}>
            {r.demo ? <Tag color="orange">{t('q.demo')}</Tag> : null}
            <Typography.Text strong>{r.name}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {t('q.perDayDegree', { n: r.fenPerDayPerDegree })} · {r.effectiveFrom} – {r.effectiveTo ?? '…'}{' '}
              · {r.basis}
            </Typography.Text>
          </div>
        ))}
      </Card>
      <ErrorAlert error={cases.error} onRetry={cases.refetch} />
      <Table<LowTemperatureCase>
        size="small"
        rowKey="id"
        loading={cases.isFetching}
        dataSource={cases.data?.items ?? []}
        scroll={{ x: 1370 }}
        onRow={(c) => ({ 'data-testid': `case-row-${c.orderNo}` }) as object}
        columns={[
          {
            title: t('q.order'),
            dataIndex: 'orderNo',
            width: 150,
            render: (v: string, c) => <Link to={`/orders/${c.workOrderId}`}>{v}</Link>,
          },
          {
            title: t('q.orderClocks'),
            width: 170,
            render: (_: unknown, c) => (
              <Space size={4} wrap data-testid={`case-clocks-${c.orderNo}`}>
                <StateTag state={c.orderState} />
                <Countdown dueAt={c.nextDueAt} />
                {c.breached ? <Tag color="red">{t('wo.breached')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('q.customer'), dataIndex: 'customerName', width: 90 },
          {
            title: t('q.companyResult'),
            width: 150,
            render: (_: unknown, c) => (
              <Space size={4}>
                <OutcomeTag outcome={c.companyResult} />
                {degrees(c.minDecisiveTenths)}
              </Space>
            ),
          },
          {
            title: t('q.thirdParty'),
            width: 180,
            render: (_: unknown, c) =>
              c.disputedByCustomer ? (
                <span>
                  <Tag color={c.thirdPartyResult === 'passed' ? 'green' : 'red'}>
                    {t(`q.result.${c.thirdPartyResult}` as MessageKey)}
                  </Tag>
                  {degrees(c.thirdPartyTenths)} · {c.thirdPartyInstitution} · {yuan(c.testFeeFen)}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('q.cause'),
            dataIndex: 'cause',
            width: 120,
            render: (v: string | null) => (v ? t(`q.cause.${v}` as MessageKey) : '—'),
          },
          {
            title: t('q.testPaidBy'),
            dataIndex: 'testPaidBy',
            width: 120,
            render: (v: string | null) => (v ? t(`q.payer.${v}` as MessageKey) : '—'),
          },
          {
            title: t('q.reduction'),
            width: 190,
            render: (_: unknown, c) =>
              c.reductionFen !== null ? (
                <span data-testid={`reduction-${c.orderNo}`}>
                  <Typography.Text strong>{yuan(c.reductionFen)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {c.daysBelow} d × {degrees(c.tenthsBelow)}
                    {c.ledgerEntryId ? ` · ${t('q.booked', { amount: yuan(c.reductionFen) })}` : ''}
                  </Typography.Text>
                </span>
              ) : c.outcomeReason ? (
                <Typography.Text type="secondary">
                  {lang === 'zh' ? c.outcomeReason.zh : c.outcomeReason.en}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: t('q.status'),
            dataIndex: 'status',
            width: 100,
            render: (v: string) => <Tag>{t(`q.caseStatus.${v}` as MessageKey)}</Tag>,
          },
          {
            title: t('common.actions'),
            width: 160,
            fixed: 'right',
            render: (_: unknown, c) =>
              canHandle && c.status !== 'decided' ? (
                <Space size={4}>
                  {c.status === 'measured' ? (
                    <Button size="small" onClick={() => open('dispute', c)}>
                      {t('q.thirdParty')}
                    </Button>
                  ) : null}
                  <Button size="small" type="primary" onClick={() => open('decide', c)}>
                    {t('q.decide')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={action !== null}
        title={action?.kind === 'dispute' ? t('q.dispute') : t('q.decide')}
        onCancel={() => setAction(null)}
        onOk={submit}
        confirmLoading={busy}
        destroyOnClose
      >
        <Form form={form} layout="vertical">
          {action?.kind === 'dispute' ? (
            <>
              <Form.Item name="institution" label={t('q.institution')} rules={[{ required: true }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="result" label={t('q.result')} rules={[{ required: true }]}>
                <Radio.Group
                  options={(['passed', 'failed'] as const).map((r) => ({
                    value: r,
                    label: t(`q.result.${r}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="celsius" label={t('q.tpTenths')} rules={[{ required: true }]}>
                <InputNumber step={0.1} min={-30} max={45} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="testedOn" label={t('q.testedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="fee" label={t('q.testFee')}>
                <InputNumber min={0} step={10} style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : (
            <>
              {needsCause ? (
                <Form.Item name="cause" label={t('q.cause')} rules={[{ required: true }]}>
                  <Select
                    options={(
                      ['company_facility', 'customer_facility', 'unretrofitted_public_facility'] as const
                    ).map((c) => ({
                      value: c,
                      label: t(`q.cause.${c}`),
                    }))}
                  />
                </Form.Item>
              ) : null}
              {cause === 'company_facility' ? (
                <Space>
                  <Form.Item name="belowFrom" label={t('q.belowFrom')} rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="restoredOn" label={t('q.restoredOn')} rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                </Space>
              ) : null}
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
