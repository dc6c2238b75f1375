import { useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  List,
  Radio,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, CameraOutlined } from '@ant-design/icons';
import type { Grade, Outcome, RecordBody, RouteVisit } from '../../api/inspections.ts';
import { errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SignaturePad, type SignaturePadHandle } from '../../service/orders/SignaturePad.tsx';
import { CHECK_CODES, DEFAULT_GRADE, GRADE_COLOURS, label } from './labels.ts';
import { smallPhoto } from './photo.ts';
import { submit } from './queue.ts';

type Code = (typeof CHECK_CODES)[number];
interface Finding {
  grade: Grade;
  responsible: 'customer' | 'company';
  description: string;
  photos: string[];
}
const OUTCOMES: Outcome[] = [
  'inspected',
  'refused_to_sign',
  'refused_notice',
  'refused_entry',
  'nobody_home',
];
const INSPECTED: Outcome[] = ['inspected', 'refused_to_sign', 'refused_notice'];
const SIGNED: Outcome[] = ['inspected', 'refused_notice'];

/** One household's visit on the phone: outcome, checklist with findings and photos, the customer's signature. */
export function VisitForm({ visit, onDone }: { visit: RouteVisit; onDone: (queued: boolean) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  // Made once per form: a retry or the offline queue sends the same id, and the server records it once.
  const [id] = useState(() => crypto.randomUUID());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checks, setChecks] = useState<Partial<Record<Code, boolean>>>({});
  const [findings, setFindings] = useState<Partial<Record<Code, Finding>>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const pad = useRef<SignaturePadHandle>(null);
  const inspected = outcome !== null && INSPECTED.includes(outcome);

  const setCheck = (code: Code, ok: boolean) => {
    setChecks((c) => ({ ...c, [code]: ok }));
    setFindings((f) => {
      const { [code]: old, ...rest } = f;
      return ok
        ? rest
        : {
            ...rest,
            [code]: old ?? {
              grade: DEFAULT_GRADE[code],
              responsible: 'customer',
              description: label(t, 'in.check', code),
              photos: [],
            },
          };
    });
  };
  const editFinding = (code: Code, patch: Partial<Finding>) =>
    setFindings((f) => ({ ...f, [code]: { ...f[code]!, ...patch } }));
  const addPhoto = async (code: Code, files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const p = await smallPhoto(file);
    if (p) editFinding(code, { photos: [...(findings[code]?.photos ?? []), p].slice(0, 3) });
  };

  const send = async () => {
    if (!outcome) return;
    if (SIGNED.includes(outcome) && pad.current?.isEmpty()) return message.warning(t('in.signFirst'));
    const body: RecordBody = {
      id,
      visitId: visit.id,
      customerId: visit.customerId,
      purpose: 'planned',
      outcome,
      at: new Date().toISOString(),
      checklist: inspected
        ? CHECK_CODES.filter((c) => checks[c] !== undefined).map((code) => ({ code, ok: checks[code]! }))
        : [],
      findings: inspected
        ? CHECK_CODES.filter((c) => findings[c]).map((item) => ({ item, ...findings[item]! }))
        : [],
      ...(SIGNED.includes(outcome) && pad.current ? { signature: pad.current.toPng() } : {}),
      note,
    };
    setBusy(true);
    try {
      const r = await submit(body);
      message.success(t(r === 'queued' ? 'in.queued' : 'in.saved'));
      onDone(r === 'queued');
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="my-page" data-testid="visit-form">
      <Button icon={<ArrowLeftOutlined />} onClick={() => onDone(false)} style={{ marginBottom: 8 }}>
        {t('in.back')}
      </Button>
      <Card size="small" title={visit.customerName} extra={<Tag>{t('in.visitNo', { n: visit.seq })}</Tag>}>
        <div>{visit.address}</div>
        <Typography.Text type="secondary">
          {t('in.window', { from: visit.windowFrom, to: visit.windowTo })}
        </Typography.Text>
        {visit.advice ? (
          <Alert
            style={{ marginTop: 8 }}
            type="warning"
            message={lang === 'zh' ? visit.advice.explanation.zh : visit.advice.explanation.en}
          />
        ) : null}
        {visit.openHazards.length ? (
          <List
            size="small"
            header={t('in.openHazards')}
            dataSource={visit.openHazards}
            renderItem={(h) => (
              <List.Item>
                <Tag color={GRADE_COLOURS[h.grade]}>{t(`in.grade.${h.grade}`)}</Tag> {h.description} ·{' '}
                {formatShanghai(h.dueAt, false)}
              </List.Item>
            )}
          />
        ) : null}
        {visit.history.length ? (
          <List
            size="small"
            header={t('in.history')}
            dataSource={visit.history}
            renderItem={(r) => (
              <List.Item>
                {formatShanghai(r.at, false)} · {t(`in.outcome.${r.outcome}`)}
              </List.Item>
            )}
          />
        ) : null}
      </Card>

      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('in.outcome')}
      </Typography.Title>
      <Radio.Group
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as Outcome)}
        style={{ width: '100%' }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {OUTCOMES.map((o) => (
            <Radio.Button key={o} value={o} style={{ width: '100%', height: 44, lineHeight: '42px' }}>
              <span data-testid={`outcome-${o}`}>{t(`in.outcome.${o}`)}</span>
            </Radio.Button>
          ))}
        </Space>
      </Radio.Group>

      {inspected ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('in.checklist')}
          </Typography.Title>
          {CHECK_CODES.map((code) => (
            <Card key={code} size="small" style={{ marginBottom: 6 }} data-testid={`check-${code}`}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <span>{label(t, 'in.check', code)}</span>
                  <Segmented
                    value={checks[code] === undefined ? undefined : checks[code] ? 'ok' : 'fail'}
                    onChange={(v) => setCheck(code, v === 'ok')}
                    options={[
                      { value: 'ok', label: <span data-testid={`check-${code}-ok`}>{t('in.ok')}</span> },
                      {
                        value: 'fail',
                        label: <span data-testid={`check-${code}-fail`}>{t('in.fail')}</span>,
                      },
                    ]}
                  />
                </Space>
                {findings[code] ? (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <Select
                        value={findings[code]!.grade}
                        onChange={(grade) => editFinding(code, { grade })}
                        style={{ width: 120 }}
                        data-testid={`grade-${code}`}
                        options={(['general', 'serious', 'major'] as const).map((g) => ({
                          value: g,
                          label: t(`in.grade.${g}`),
                        }))}
                      />
                      <Select
                        value={findings[code]!.responsible}
                        onChange={(responsible) => editFinding(code, { responsible })}
                        style={{ width: 200 }}
                        options={(['customer', 'company'] as const).map((r) => ({
                          value: r,
                          label: t(`in.responsible.${r}`),
                        }))}
                      />
                    </Space>
                    <Input
                      value={findings[code]!.description}
                      onChange={(e) => editFinding(code, { description: e.target.value })}
                      data-testid={`finding-${code}`}
                    />
                    <label>
                      <CameraOutlined /> {t('in.photo')} ({findings[code]!.photos.length})
                      <input
                        type="file"
                        accept="image/*"
                        capture="environment"
                        style={{ display: 'none' }}
                        onChange={(e) => void addPhoto(code, e.target.files)}
                      />
                    </label>
                  </Space>
                ) : null}
              </Space>
            </Card>
          ))}
        </>
      ) : null}

      {outcome && SIGNED.includes(outcome) ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('in.signature')}
          </Typography.Title>
          <SignaturePad ref={pad} />
        </>
      ) : null}

      <Input.TextArea
        style={{ marginTop: 12 }}
        rows={2}
        placeholder={t('in.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="visit-note"
      />
      <Button
        type="primary"
        size="large"
        block
        style={{ marginTop: 12 }}
        disabled={!outcome}
        loading={busy}
        onClick={() => void send()}
        data-testid="visit-submit"
      >
        {t('in.submit')}
      </Button>
    </div>
  );
}
