// One line per meaningful payload field of a timeline event, in the reader's language.
import { formatShanghai } from '../../common/format.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/index.tsx';
import { complaintCategoryLabel, satisfactionLabel } from './labels.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export function summarisePayload(payload: Obj, t: Translate, lang: Lang): string[] {
  const lines: string[] = [];
  const add = (label: string, value: unknown) => {
    const s = str(value);
    if (s) lines.push(t('wo.kv', { k: label, v: s }));
  };
  add(t('wo.f.assignee'), payload.assigneeName ?? payload.assignee);
  add(t('wo.f.reason'), payload.reason);
  add(t('wo.f.note'), payload.note);
  add(t('wo.description'), payload.summary);
  if (str(payload.complaintCategory))
    add(t('wo.complaintCategory'), complaintCategoryLabel(String(payload.complaintCategory), lang));
  if (payload.safetyAdviceGiven === true) lines.push(t('wo.safetyAdviceGiven'));
  if (str(payload.agreedAt)) add(t('wo.f.agreedAt'), formatShanghai(String(payload.agreedAt), false));
  if (str(payload.extendedTo)) add(t('wo.f.extendedTo'), formatShanghai(String(payload.extendedTo), false));
  if (str(payload.dueBy)) add(t('wo.f.dueBy'), formatShanghai(String(payload.dueBy), false));
  if (str(payload.newDue)) {
    add(t('wo.f.previousDue'), formatShanghai(String(payload.previousDue), false));
    add(t('wo.f.newDue'), formatShanghai(String(payload.newDue), false));
    const why = obj(payload.why);
    if (why) lines.push(String(lang === 'en' ? why.en : why.zh));
  }
  add(t('wo.f.handOverTo'), payload.toName ?? payload.to);
  const record = obj(payload.record);
  if (record) {
    add(t('wo.result'), record.result);
    if (record.signature === true) lines.push(t('wo.signed'));
    add(t('wo.signatureRefusedReason'), record.signatureRefusedReason);
  }
  const feedback = obj(payload.feedback);
  if (feedback) {
    add(t('wo.f.staffName'), feedback.staffName);
    add(t('wo.f.result'), feedback.result);
    if (str(feedback.handledAt)) add(t('wo.f.handledAt'), formatShanghai(String(feedback.handledAt), false));
    if (str(feedback.satisfaction))
      add(t('wo.f.satisfaction'), satisfactionLabel(String(feedback.satisfaction), lang));
  }
  const findings = obj(payload.findings);
  if (findings) {
    add(t('wo.f.facts'), findings.facts);
    add(t('wo.f.measures'), findings.correctiveMeasures);
    add(t('wo.f.accountability'), findings.accountability);
  }
  const explanation = obj(payload.explanation);
  if (explanation) {
    add(t('wo.f.explReferral'), explanation.referral);
    add(t('wo.f.explPolicy'), explanation.policy);
  }
  if (str(payload.satisfaction))
    add(t('wo.f.satisfaction'), satisfactionLabel(String(payload.satisfaction), lang));
  if (str(payload.responsibility))
    add(t('wo.f.responsibility'), t(`wo.resp.${String(payload.responsibility)}` as MessageKey));
  if (typeof payload.reasonable === 'boolean')
    add(t('wo.f.reasonable'), t(payload.reasonable ? 'wo.reasonable.true' : 'wo.reasonable.false'));
  add(t('wo.f.judgementBasis'), payload.basis);
  const referral = obj(payload.referral);
  if (referral) {
    add(t('wo.f.referralTo'), referral.to);
    add(t('wo.f.referralContact'), referral.contact);
  }
  if (Array.isArray(payload.missingDocuments) && payload.missingDocuments.length > 0)
    add(t('wo.f.missingDocuments'), payload.missingDocuments.join('、'));
  add(t('wo.f.writtenNoticeRef'), payload.writtenNoticeRef);
  return lines;
}
