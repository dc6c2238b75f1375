// The form that appends a step to an incident's timeline: each kind of step with the fields its clause asks for —
// the level set by hand with a reason (G-5.12.8), an urgent entry with the police notified when the customer cannot
// be reached (G-5.12.7), a repair done first and its filing and the media told afterwards (H-6.4.5.3), the aftermath
// (G-5.12.9).
import { Button, Checkbox, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { pickerToShanghaiIso, todayShanghai } from '../common/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import type { IncidentEvent } from './emergency.ts';

const APPEND_TYPES = [
  'note',
  'level_set',
  'customers_told',
  'regulator_reported',
  'urgent_entry',
  'urgent_repair_started',
  'filed_afterwards',
  'media_informed',
  // H-6.4.5.5: public opinion watched during an interruption; H-6.4.6: malicious damage reported at once.
  'public_opinion',
  'malicious_damage_reported',
  'restored',
  'investigation',
  'cause',
  'measures',
  'plan_revision',
  'closed',
] as const;
type AppendType = (typeof APPEND_TYPES)[number];

/** Steps whose one text field names whom it went to. */
const TO_TYPES = new Set<AppendType>([
  'regulator_reported',
  'malicious_damage_reported',
  'filed_afterwards',
  'media_informed',
]);
const NO_TEXT = new Set<AppendType>(['customers_told', 'restored', 'closed', 'urgent_entry']);

export function IncidentEventForm(props: {
  levelText: (n: number) => string;
  pending: boolean;
  onSubmit: (event: IncidentEvent, reset: () => void) => void;
}) {
  const { t } = useI18n();
  const [type, setType] = useState<AppendType>('note');
  const [text, setText] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [level, setLevel] = useState<number>(2);
  const [at, setAt] = useState<Dayjs | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [station, setStation] = useState('');
  const reset = () => {
    setText('');
    setStation('');
    setAt(null);
  };

  const build = (): IncidentEvent => {
    if (type === 'customers_told') return { type, count: count ?? 0, channel: 'sms' };
    if (type === 'level_set') return { type, level, reason: text };
    if (type === 'urgent_entry') {
      return {
        type,
        address: text,
        customerUnreachable: unreachable,
        ...(at ? { policeNotifiedAt: pickerToShanghaiIso(at) } : {}),
        ...(station ? { policeStation: station } : {}),
      };
    }
    if (type === 'regulator_reported' || type === 'malicious_damage_reported') return { type, to: text };
    if (type === 'filed_afterwards' || type === 'media_informed') return { type, to: text };
    if (type === 'public_opinion' || type === 'note' || type === 'urgent_repair_started')
      return { type, text };
    if (type === 'restored') return { type, at: at ? pickerToShanghaiIso(at) : '' };
    if (type === 'closed') return { type };
    return { type, on: todayShanghai(), text };
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        value={type}
        onChange={setType}
        data-testid="incident-event-type"
        options={APPEND_TYPES.map((k) => ({ value: k, label: t(`em.ev.${k}` as MessageKey) }))}
      />
      {type === 'customers_told' ? <InputNumber min={1} value={count} onChange={setCount} /> : null}
      {type === 'level_set' ? (
        <Select
          value={level}
          onChange={setLevel}
          data-testid="incident-event-level"
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: props.levelText(n) }))}
        />
      ) : null}
      {type === 'restored' ? (
        <DatePicker showTime format="YYYY-MM-DD HH:mm" value={at} onChange={setAt} />
      ) : null}
      {type === 'urgent_entry' ? (
        <>
          <Input
            placeholder={t('em.inc.entryAddress')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="incident-entry-address"
          />
          <Checkbox
            checked={unreachable}
            onChange={(e) => setUnreachable(e.target.checked)}
            data-testid="incident-entry-unreachable"
          >
            {t('em.inc.unreachable')}
          </Checkbox>
          {unreachable ? (
            <>
              <Input
                placeholder={t('em.inc.policeStation')}
                value={station}
                onChange={(e) => setStation(e.target.value)}
                data-testid="incident-entry-station"
              />
              <DatePicker
                showTime
                format="YYYY-MM-DD HH:mm"
                placeholder={t('em.inc.policeAt')}
                value={at}
                onChange={setAt}
                data-testid="incident-entry-police-at"
              />
            </>
          ) : null}
        </>
      ) : null}
      {!NO_TEXT.has(type) ? (
        <Input.TextArea
          rows={2}
          placeholder={
            TO_TYPES.has(type) ? t('em.inc.to') : type === 'level_set' ? t('em.inc.levelReason') : undefined
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="incident-event-text"
        />
      ) : null}
      <Button
        type="primary"
        onClick={() => props.onSubmit(build(), reset)}
        loading={props.pending}
        data-testid="incident-event-save"
      >
        {t('em.inc.append')}
      </Button>
    </Space>
  );
}
