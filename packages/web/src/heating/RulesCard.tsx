import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Switch,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { heating, yuan, type Rules, type SetUp } from './api.ts';

/** H-7.2.2 / H-7.1.7: the enterprise's reward, suspended-fee, reminder and stop-heating rules, as data. */
export function RulesCard({
  setUp,
  canWrite,
  onSaved,
}: {
  setUp: SetUp;
  canWrite: boolean;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const row = setUp.rules[0];
  const rules: Rules = row?.rules ?? setUp.demoRules;

  const edit = () => {
    form.setFieldsValue({
      effectiveFrom: dayjs(),
      ...flatten(rules),
      note: row?.note ?? '',
    });
    setOpen(true);
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await heating.putRules({
        effectiveFrom: (v.effectiveFrom as Dayjs).format('YYYY-MM-DD'),
        rules: unflatten(v),
        note: v.note ?? '',
      });
      message.success(t('h.saved'));
      setOpen(false);
      onSaved();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('h.rules')}
          {row ? (
            <Tag>
              {t('h.effectiveFrom')} {row.effectiveFrom}
            </Tag>
          ) : (
            <Tag color="warning">{t('h.rulesDemo')}</Tag>
          )}
        </Space>
      }
      extra={canWrite && <Button onClick={edit}>{t('common.edit')}</Button>}
    >
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('h.rule.early')}>
          {rules.earlyPayment.enabled
            ? t('h.rule.earlyText', {
                days: rules.earlyPayment.payByDaysBeforeDue,
                pct: rules.earlyPayment.rewardBps / 100,
                cap: rules.earlyPayment.capFen === null ? '—' : yuan(rules.earlyPayment.capFen),
              })
            : t('h.off')}
        </Descriptions.Item>
        <Descriptions.Item label={t('h.rule.suspended')}>
          {t('h.rule.suspendedText', {
            pct: rules.suspendedFee.bpsOfAreaFee / 100,
            days: rules.suspendedFee.acceptedBeforeDaysOfStart,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('h.rule.reminders')}>
          {t('h.rule.remindersText', {
            days: rules.reminders.daysAfterDue.join('、'),
            every: rules.reminders.repeatEveryDays ?? '—',
            max: rules.reminders.maxReminders,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('h.rule.stop')}>
          {rules.stopHeating.contractAllows
            ? t('h.rule.stopText', {
                days: rules.stopHeating.minOverdueDays,
                n: rules.stopHeating.minReminders,
              })
            : t('h.rule.stopNever')}
        </Descriptions.Item>
      </Descriptions>
      <Modal
        open={open}
        title={t('h.rules')}
        onOk={save}
        onCancel={() => setOpen(false)}
        destroyOnClose
        width={640}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="effectiveFrom" label={t('h.effectiveFrom')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Space wrap>
            <Form.Item name="earlyEnabled" label={t('h.rule.early')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="earlyDays" label={t('h.rule.earlyDays')}>
              <InputNumber min={0} max={366} />
            </Form.Item>
            <Form.Item name="earlyPct" label={t('h.rule.earlyPct')}>
              <InputNumber min={0} max={100} step={0.01} />
            </Form.Item>
            <Form.Item name="earlyCap" label={t('h.rule.earlyCap')}>
              <InputNumber min={0} step={0.01} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="suspendedPct" label={t('h.rule.suspendedPct')}>
              <InputNumber min={0} max={100} step={0.01} />
            </Form.Item>
            <Form.Item name="suspendedDays" label={t('h.rule.suspendedDays')}>
              <InputNumber min={0} max={366} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item
              name="reminderDays"
              label={t('h.rule.reminderDays')}
              rules={[{ pattern: /^\s*\d+(\s*,\s*\d+)*\s*$/ }]}
            >
              <Input placeholder="1, 7" />
            </Form.Item>
            <Form.Item name="repeatEvery" label={t('h.rule.repeatEvery')}>
              <InputNumber min={1} max={366} />
            </Form.Item>
            <Form.Item name="maxReminders" label={t('h.rule.maxReminders')}>
              <InputNumber min={0} max={50} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="stopAllowed" label={t('h.rule.stopAllowed')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="stopDays" label={t('h.rule.stopDays')}>
              <InputNumber min={0} max={366} />
            </Form.Item>
            <Form.Item name="stopReminders" label={t('h.rule.stopReminders')}>
              <InputNumber min={0} max={50} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('h.note')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function flatten(r: Rules) {
  return {
    earlyEnabled: r.earlyPayment.enabled,
    earlyDays: r.earlyPayment.payByDaysBeforeDue,
    earlyPct: r.earlyPayment.rewardBps / 100,
    earlyCap: r.earlyPayment.capFen === null ? null : r.earlyPayment.capFen / 100,
    suspendedPct: r.suspendedFee.bpsOfAreaFee / 100,
    suspendedDays: r.suspendedFee.acceptedBeforeDaysOfStart,
    reminderDays: r.reminders.daysAfterDue.join(', '),
    repeatEvery: r.reminders.repeatEveryDays,
    maxReminders: r.reminders.maxReminders,
    stopAllowed: r.stopHeating.contractAllows,
    stopDays: r.stopHeating.minOverdueDays,
    stopReminders: r.stopHeating.minReminders,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function unflatten(v: any): Rules {
  const n = (x: unknown) => Number(x ?? 0);
  return {
    earlyPayment: {
      enabled: !!v.earlyEnabled,
      payByDaysBeforeDue: n(v.earlyDays),
      rewardBps: Math.round(n(v.earlyPct) * 100),
      capFen: v.earlyCap === null || v.earlyCap === undefined ? null : Math.round(n(v.earlyCap) * 100),
    },
    suspendedFee: {
      bpsOfAreaFee: Math.round(n(v.suspendedPct) * 100),
      acceptedBeforeDaysOfStart: n(v.suspendedDays),
    },
    reminders: {
      daysAfterDue: String(v.reminderDays ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number),
      repeatEveryDays: v.repeatEvery ? n(v.repeatEvery) : null,
      maxReminders: n(v.maxReminders),
    },
    stopHeating: {
      contractAllows: !!v.stopAllowed,
      minOverdueDays: n(v.stopDays),
      minReminders: n(v.stopReminders),
    },
  };
}
