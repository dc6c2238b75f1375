import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  FILLING_NOTICE_LEAD,
  GAS_OUTAGE_NOTICE_LEAD,
  describeLimit,
  formatDue,
  leadTimeLatest,
  toLimit,
} from '@ranre/domain';
import type { NoticeKind } from '../../api/notices.ts';
import { notices, type NoticeDetail } from '../../api/notices.ts';
import { DateTimeInput } from '../../common/DateTimeInput.tsx';
import { applyServerErrors } from '../../common/errors.tsx';
import { pickerToShanghaiIso } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { useNow } from '../../common/useNow.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';
import { isInterruptionKind, KINDS_BY_SECTOR, type Sector } from './labels.tsx';

type Values = {
  kind: NoticeKind;
  title: string;
  communities: string[];
  startsAt: Dayjs | null;
  expectedRestoreAt: Dayjs | null;
  cause?: string;
  repairSection?: string;
  managerName?: string;
  managerPhone?: string;
  safetyAdvice?: string;
  durationReason?: string;
  notifyHouseholds: boolean;
  reason?: string;
};

const FIELDS = [
  'kind',
  'title',
  'communities',
  'startsAt',
  'expectedRestoreAt',
  'cause',
  'repairSection',
  'managerName',
  'managerPhone',
  'safetyAdvice',
  'durationReason',
  'reason',
];
const CODE_FIELDS: Record<string, string> = {
  NOTICE_LEAD_TIME_SHORT: 'startsAt',
  NOTICE_TIMES_INVALID: 'expectedRestoreAt',
  NOTICE_PHONE_INVALID: 'managerPhone',
  NOTICE_DURATION_REASON_REQUIRED: 'durationReason',
  NOTICE_COMMUNITY_UNKNOWN: 'communities',
  NOTICE_NOTIFY_REQUIRED: 'notifyHouseholds',
};

/**
 * Publish a notice, or revise one (`revising`): the fields each clause asks for, the communities from the customer
 * archive with their household counts, and the lead time the clause sets, shown before publishing.
 */
export function NoticeForm(props: {
  open: boolean;
  sector: Sector;
  revising?: NoticeDetail;
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const communities = useQuery({
    queryKey: keys.noticeCommunities,
    queryFn: notices.communities,
    enabled: props.open,
  });
  const r = props.revising;
  const kind = (Form.useWatch('kind', form) ?? r?.kind ?? KINDS_BY_SECTOR[props.sector][0]) as NoticeKind;
  const chosen = Form.useWatch('communities', form) ?? [];
  const startsAt = Form.useWatch('startsAt', form) as Dayjs | null | undefined;
  const now = useNow();
  const interruption = isInterruptionKind(kind);
  const gas = props.sector === 'gas';

  const households = useMemo(() => {
    const by = new Map((communities.data?.items ?? []).map((c) => [c.community, c.households]));
    return (chosen as string[]).reduce((a, c) => a + (by.get(c) ?? 0), 0);
  }, [chosen, communities.data]);

  const lead = useMemo(() => {
    const text =
      kind === 'filling' || kind === 'commissioning'
        ? FILLING_NOTICE_LEAD
        : gas && kind === 'planned_interruption'
          ? GAS_OUTAGE_NOTICE_LEAD
          : null;
    if (!text || !startsAt || r) return null;
    const l = leadTimeLatest(new Date(pickerToShanghaiIso(startsAt)), text);
    const clause = kind === 'commissioning' ? 'H-6.2.6' : gas ? 'G-6.2.12' : 'H-6.1.4';
    const late = now > l.latestAt.getTime();
    const at = formatDue(l.latestAt);
    return {
      late,
      text: late
        ? t('nt.leadShort', { at, clause })
        : t('nt.leadOk', { at, lead: pick(describeLimit(toLimit(text)), lang) }),
    };
  }, [kind, startsAt, gas, now, r, t, lang]);

  const initial: Partial<Values> = r
    ? {
        kind: r.kind,
        title: r.title,
        communities: r.communities,
        startsAt: dayjs(r.startsAt),
        expectedRestoreAt: r.expectedRestoreAt ? dayjs(r.expectedRestoreAt) : null,
        cause: r.cause,
        repairSection: r.repairSection,
        managerName: r.managerName,
        managerPhone: r.managerPhone,
        safetyAdvice: r.safetyAdvice,
        durationReason: r.durationReason,
        notifyHouseholds: r.notifyHouseholds,
      }
    : { kind: KINDS_BY_SECTOR[props.sector][0], notifyHouseholds: true, communities: [] };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const content = {
      title: v.title,
      communities: v.communities,
      startsAt: pickerToShanghaiIso(v.startsAt!),
      expectedRestoreAt:
        interruption && v.expectedRestoreAt ? pickerToShanghaiIso(v.expectedRestoreAt) : null,
      cause: v.cause ?? '',
      repairSection: v.repairSection ?? '',
      managerName: v.managerName ?? '',
      managerPhone: v.managerPhone ?? '',
      safetyAdvice: v.safetyAdvice ?? '',
      durationReason: v.durationReason ?? '',
      notifyHouseholds: v.notifyHouseholds,
    };
    try {
      const res = r
        ? await notices.revise(r.id, { ...content, reason: v.reason ?? '', version: r.version })
        : await notices.create({ ...content, kind: v.kind });
      message.success(r ? t('nt.revised', { n: res.revision }) : t('nt.published', { n: res.recipients }));
      form.resetFields();
      props.onDone(String(res.id));
    } catch (e) {
      setError(applyServerErrors(form, e, lang, FIELDS, CODE_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      width={560}
      destroyOnHidden
      title={r ? `${t('nt.revise')} · ${r.noticeNo}` : t('nt.new')}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={busy}
            disabled={lead?.late}
            onClick={() => form.submit()}
            data-testid="notice-submit"
          >
            {r ? t('nt.revise') : t('nt.new')}
          </Button>
        </Space>
      }
    >
      {r ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('nt.reviseHint')} /> : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={error}
          data-testid="notice-error"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        data-testid="notice-form"
      >
        <Form.Item name="kind" label={t('nt.kind')} rules={required}>
          <Select
            disabled={!!r}
            data-testid="notice-kind"
            options={KINDS_BY_SECTOR[props.sector].map((k) => ({ value: k, label: t(`nt.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('nt.titleField')} rules={required}>
          <Input maxLength={120} data-testid="notice-title" />
        </Form.Item>
        <Form.Item
          name="communities"
          label={t('nt.communities')}
          rules={required}
          extra={chosen.length > 0 ? t('nt.selectedHouseholds', { n: households }) : t('nt.communitiesHint')}
        >
          <Select
            mode="multiple"
            showSearch
            loading={communities.isLoading}
            data-testid="notice-communities"
            optionFilterProp="label"
            options={(communities.data?.items ?? []).map((c) => ({
              value: c.community,
              label: `${c.community}（${c.district}，${t('nt.households', { n: c.households })}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="startsAt"
          label={kind === 'filling' || kind === 'commissioning' ? t(`nt.startsAt.${kind}`) : t('nt.startsAt')}
          rules={required}
          extra={
            lead ? (
              <Typography.Text type={lead.late ? 'danger' : 'secondary'} data-testid="notice-lead">
                {lead.text}
              </Typography.Text>
            ) : null
          }
        >
          <DateTimeInput testId="notice-starts" />
        </Form.Item>
        {interruption ? (
          <>
            <Form.Item name="expectedRestoreAt" label={t('nt.expectedRestoreAt')} rules={required}>
              <DateTimeInput testId="notice-restore" />
            </Form.Item>
            <Form.Item name="cause" label={t('nt.cause')} rules={required}>
              <Input maxLength={500} data-testid="notice-cause" />
            </Form.Item>
            {!gas ? (
              <Form.Item name="repairSection" label={t('nt.repairSection')} rules={required}>
                <Input maxLength={200} data-testid="notice-section" />
              </Form.Item>
            ) : (
              <Form.Item
                name="safetyAdvice"
                label={t('nt.safetyAdvice')}
                rules={kind === 'unplanned_interruption' ? required : []}
              >
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            )}
            {gas && kind === 'planned_interruption' ? (
              <Form.Item
                name="durationReason"
                label={t('nt.durationReason')}
                extra={t('nt.durationReasonHint')}
              >
                <Input maxLength={500} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        <Space.Compact block>
          <Form.Item
            name="managerName"
            label={t('nt.managerName')}
            rules={interruption ? [] : required}
            style={{ flex: 1 }}
          >
            <Input maxLength={50} data-testid="notice-manager" />
          </Form.Item>
          <Form.Item
            name="managerPhone"
            label={t('nt.managerPhone')}
            rules={interruption ? [] : required}
            style={{ flex: 1, marginInlineStart: 12 }}
          >
            <Input maxLength={30} data-testid="notice-phone" />
          </Form.Item>
        </Space.Compact>
        {interruption && !gas ? (
          <Form.Item
            name="notifyHouseholds"
            label={t('nt.notify')}
            valuePropName="checked"
            extra={t('nt.notifyHint')}
          >
            <Switch />
          </Form.Item>
        ) : null}
        {r ? (
          <Form.Item name="reason" label={t('nt.reason')} rules={required}>
            <Input.TextArea rows={2} maxLength={500} data-testid="notice-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
