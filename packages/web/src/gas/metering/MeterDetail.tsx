import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { canWriteMeters } from './access.ts';
import { m3, metering, meteringKeys, yuan, type MeterEvent } from './api.ts';
import { MeterEventModal, type EventKind } from './MeterForms.tsx';
import { RenovatedButton } from './RenovatedButton.tsx';
import { DueTag, StatusTag } from './MetersPage.tsx';

const ACTIONS: Record<string, EventKind[]> = {
  in_stock: ['install'],
  // G-5.11.3: the valve unlocked only after an inspection passed (the server's supply gate says what is missing).
  in_service: ['unlock', 'exchange', 'send_to_verification', 'remove'],
  in_verification: ['return_from_verification'],
};

function eventText(e: MeterEvent, lang: 'zh' | 'en') {
  const p = e.payload;
  const bits = [
    e.reading !== null ? `${m3(e.reading)} m³` : '',
    p.spareSerialNo
      ? lang === 'zh'
        ? `备用表 ${String(p.spareSerialNo)}`
        : `spare ${String(p.spareSerialNo)}`
      : '',
    p.agreedMethod ? String(p.agreedMethod) : '',
    p.newSerialNo ? `→ ${String(p.newSerialNo)}` : '',
    p.replaces ? (lang === 'zh' ? `替换 ${String(p.replaces)}` : `replaces ${String(p.replaces)}`) : '',
    p.spareFor
      ? lang === 'zh'
        ? `作为 ${String(p.spareFor)} 的备用表`
        : `spare for ${String(p.spareFor)}`
      : '',
    p.passed === true ? '✓' : p.passed === false ? '✗' : '',
    p.reason ? String(p.reason) : '',
    p.note ? String(p.note) : '',
  ];
  return bits.filter(Boolean).join(' · ');
}

/** A meter's record and its history timeline, with the actions its status allows. */
export function MeterDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const detail = useQuery({ queryKey: meteringKeys.meter(id), queryFn: () => metering.meter(id) });
  const [action, setAction] = useState<EventKind | null>(null);
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  if (!d) return null;
  const m = d.meter;
  // The due tag sits by whichever date comes first.
  const verificationFirst =
    m.nextVerificationDue !== null && (m.replaceBy === null || m.nextVerificationDue <= m.replaceBy);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="meter-detail">
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('meter.serialNo')}>
          {m.serialNo} <StatusTag status={m.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('meter.model')}>{`${m.model} ${m.manufacturer}`}</Descriptions.Item>
        <Descriptions.Item label={t('meter.customer')}>
          {m.customerName ? `${m.accountNo} ${m.customerName}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('meter.address')}>{m.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meter.installedOn')}>{m.installedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meter.verifiedOn')}>{m.verifiedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meter.nextVerificationDue')}>
          {m.nextVerificationDue ?? '—'} {verificationFirst ? <DueTag days={m.dueInDays} /> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('meter.replaceBy')}>
          {m.replaceBy ?? '—'} {verificationFirst ? null : <DueTag days={m.dueInDays} />}
        </Descriptions.Item>
        <Descriptions.Item label={t('meter.features')}>
          {m.remoteReading ? <Tag color="cyan">{t('meter.remote')}</Tag> : null}
          {m.prepaid ? (
            <Tag color="gold">
              {t('meter.prepaidSummary', {
                balance: yuan(m.prepaidBalanceFen),
                alarm: yuan(m.lowBalanceAlarmFen),
                overdraft: yuan(m.overdraftLimitFen),
              })}
            </Tag>
          ) : null}
        </Descriptions.Item>
      </Descriptions>
      {canWriteMeters(user.role) ? (
        <Space wrap>
          {(ACTIONS[m.status] ?? []).map((k) => (
            <Button key={k} onClick={() => setAction(k)} data-testid={`meter-action-${k}`}>
              {t(`meter.event.${k}` as MessageKey)}
            </Button>
          ))}
          {m.customerId && m.status === 'in_service' ? <RenovatedButton customerId={m.customerId} /> : null}
        </Space>
      ) : null}
      <Typography.Title level={5}>{t('meter.timeline')}</Typography.Title>
      <Timeline
        items={d.events.map((e) => ({
          key: e.id,
          children: (
            <div>
              <Typography.Text strong>
                {e.on} {t(`meter.event.${e.kind}` as MessageKey)}
              </Typography.Text>
              <div>{eventText(e, lang)}</div>
              <Typography.Text type="secondary">{e.actorName ?? t('meter.system')}</Typography.Text>
            </div>
          ),
        }))}
      />
      <MeterEventModal
        meterId={id}
        kind={action}
        onClose={() => setAction(null)}
        onDone={() => setAction(null)}
      />
    </Space>
  );
}
