import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Input, InputNumber, Select, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { errorText } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { ClaimMedia } from './ClaimMedia.tsx';
import { insurance, insuranceKeys, type Claim, type ClaimEvent } from './emergency.ts';

export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`;

const STEPS = [
  'insurer_called',
  'loss_counted',
  'parts_kept',
  'parts_disposed',
  'injury',
  'assessed_told',
  'agreed',
  'paid',
] as const;
type Step = (typeof STEPS)[number];

/** What a step recorded, in words (amounts in yuan, counts of photos and receipts). */
function stepData(
  e: Claim['events'][number],
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
) {
  const d = e.data as Record<string, unknown>;
  if (typeof d.amountFen === 'number') return yuan(d.amountFen);
  if (e.type === 'loss_counted')
    return t('emo.claim.counted', { photos: String(d.photos), video: d.video ? '✓' : '✗' });
  if (e.type === 'injury') {
    const files = Array.isArray(d.files) ? d.files.length : 0;
    return `${String(d.hospital)} · ${t('emo.claim.receipts')} ${files}`;
  }
  if (typeof d.where === 'string') return d.where;
  if (typeof d.how === 'string') return `${d.how}（${t('emo.claim.bothAgreed')}）`;
  if (typeof d.insurer === 'string') return d.insurer;
  return '';
}

/** G-11.2–G-11.4, H-9.3–H-9.5: a claim's timeline, its payment due, and the next step recorded. */
export function ClaimSteps({ claim, canEdit, insurer }: { claim: Claim; canEdit: boolean; insurer: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [type, setType] = useState<Step>('insurer_called');
  const [text, setText] = useState(insurer);
  const [amount, setAmount] = useState<number | null>(null);
  const act = useMutation({
    mutationFn: (event: ClaimEvent) => insurance.act(claim.id, claim.version, event),
    onSuccess: () => {
      setAmount(null);
      void queries.invalidateQueries({ queryKey: insuranceKeys.claims });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const fen = Math.round((amount ?? 0) * 100);
  const build = (): ClaimEvent => {
    switch (type) {
      case 'insurer_called':
        return { type, insurer: text };
      case 'loss_counted':
        return { type, withCustomer: true };
      case 'parts_kept':
        return { type, where: text };
      case 'parts_disposed':
        return { type, bothAgreed: true, how: text };
      case 'injury':
        return { type, hospital: text };
      default:
        return { type, amountFen: fen };
    }
  };
  const needsText =
    type === 'insurer_called' || type === 'parts_kept' || type === 'parts_disposed' || type === 'injury';
  // The loss's own files are what its count covers; an injury's receipts are kept beside them (H-9.4).
  const loss = claim.media.filter((m) => m.purpose === 'loss');
  const photos = loss.filter((m) => m.kind === 'photo').length;
  const noMedia = type === 'loss_counted' && loss.length === 0;
  const injuryFiles = claim.media.length - loss.length;
  const needsAmount = type === 'assessed_told' || type === 'agreed' || type === 'paid';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('em.claim.claimant')}>{claim.claimant}</Descriptions.Item>
        <Descriptions.Item label={t('em.claim.description')}>{claim.description}</Descriptions.Item>
        <Descriptions.Item label={t('em.claim.agreed')}>{yuan(claim.agreedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('em.claim.due')}>
          <span data-testid="claim-due">{claim.payDueAt ? formatShanghai(claim.payDueAt, false) : '—'}</span>
          {claim.paidAt ? (
            <Tag color="green" style={{ marginLeft: 8 }}>
              {t('em.claim.paid')}
            </Tag>
          ) : null}
          {claim.late ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('em.claim.late')}
            </Tag>
          ) : null}
        </Descriptions.Item>
        {claim.overrideReason ? (
          <Descriptions.Item label={t('emo.claim.override')}>
            {claim.exclusions.map((x) => t(`emo.excl.${x}` as MessageKey)).join('、')}：{claim.overrideReason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <ClaimMedia claim={claim} canEdit={canEdit} />
      <Timeline
        data-testid="claim-timeline"
        items={claim.events.map((e) => ({
          children: (
            <span>
              {formatShanghai(e.at, false)} {t(`em.claim.ev.${e.type}` as MessageKey)} {stepData(e, t)} —{' '}
              {e.actorName}
            </span>
          ),
        }))}
      />
      {canEdit && !claim.paidAt ? (
        <Space wrap align="end">
          <Select
            style={{ minWidth: 180 }}
            value={type}
            data-testid="claim-step-type"
            onChange={(v: Step) => {
              setType(v);
              setText(v === 'insurer_called' ? insurer : '');
              if (v === 'paid') setAmount(claim.agreedFen === null ? null : claim.agreedFen / 100);
            }}
            options={STEPS.map((s) => ({ value: s, label: t(`em.claim.ev.${s}` as MessageKey) }))}
          />
          {needsText ? (
            <Input
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t(`emo.claim.text.${type}` as MessageKey)}
              data-testid="claim-step-text"
            />
          ) : null}
          {type === 'injury' ? (
            <span data-testid="claim-step-injury-files">
              {t('emo.claim.receipts')} {injuryFiles}
            </span>
          ) : null}
          {type === 'loss_counted' ? (
            <span data-testid="claim-step-media">
              {noMedia
                ? t('emo.media.needed')
                : t('emo.media.counting', { photos, videos: loss.length - photos })}
            </span>
          ) : null}
          {needsAmount ? (
            <InputNumber
              min={0}
              precision={2}
              value={amount}
              onChange={setAmount}
              addonBefore="¥"
              data-testid="claim-step-amount"
            />
          ) : null}
          <Button
            type="primary"
            loading={act.isPending}
            disabled={(needsText && !text.trim()) || (needsAmount && amount === null) || noMedia}
            onClick={() => act.mutate(build())}
            data-testid="claim-step-save"
          >
            {t('emo.claim.record')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}
