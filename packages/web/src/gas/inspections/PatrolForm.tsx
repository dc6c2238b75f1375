import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Grid, Input, Select, Space, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Grade } from '../../api/inspections.ts';
import { patrols, type PatrolFinding } from '../../api/patrols.ts';
import { DateTimeInput } from '../../common/DateTimeInput.tsx';
import { errorText } from '../../common/errors.tsx';
import { pickerToShanghaiIso } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label } from './labels.ts';
import { smallPhoto } from './photo.ts';

type Code = PatrolFinding['item'];
type Draft = Omit<PatrolFinding, 'responsible' | 'photos'> & { key: number; photos: string[] };
const GRADES: Grade[] = ['general', 'serious', 'major'];

/** G-5.11.10: a patrol of the network on the phone — route, area, time, and each finding with its place and photos. */
export function PatrolForm({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const qc = useQueryClient();
  // Made once per form: a retry sends the same id and the server records the patrol once.
  const [id] = useState(() => crypto.randomUUID());
  const [route, setRoute] = useState('');
  const [area, setArea] = useState('');
  const [startedAt, setStartedAt] = useState<Dayjs | null>(null);
  const [endedAt, setEndedAt] = useState<Dayjs | null>(null);
  const [note, setNote] = useState('');
  const [findings, setFindings] = useState<Draft[]>([]);
  const items = useQuery({ queryKey: ['patrols', 'items'], queryFn: () => patrols.items() });
  const save = useMutation({
    mutationFn: () =>
      patrols.record({
        id,
        route,
        area,
        startedAt: pickerToShanghaiIso(startedAt!),
        endedAt: pickerToShanghaiIso(endedAt!),
        note,
        findings: findings.map(({ key: _k, ...f }) => ({ ...f, responsible: 'company' as const })),
      }),
    onSuccess: () => {
      message.success(t('pt.saved'));
      void qc.invalidateQueries({ queryKey: ['patrols'] });
      void qc.invalidateQueries({ queryKey: ['inspections'] });
      onClose();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const edit = (key: number, patch: Partial<Draft>) =>
    setFindings((fs) => fs.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const addPhoto = async (f: Draft, files: FileList | null) => {
    const file = files?.[0];
    const p = file ? await smallPhoto(file) : null;
    if (p) edit(f.key, { photos: [...f.photos, p].slice(0, 3) });
  };
  const first = items.data?.items[0];
  const ready =
    route.trim() && area.trim() && startedAt && endedAt && findings.every((f) => f.location.trim());
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 560} title={t('pt.new')} data-testid="patrol-form">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Input
          size="large"
          placeholder={t('pt.route')}
          value={route}
          onChange={(e) => setRoute(e.target.value)}
          data-testid="patrol-route"
        />
        <Input
          size="large"
          placeholder={t('pt.area')}
          value={area}
          onChange={(e) => setArea(e.target.value)}
          data-testid="patrol-area"
        />
        <Typography.Text>{t('pt.startedAt')}</Typography.Text>
        <DateTimeInput value={startedAt} onChange={setStartedAt} testId="patrol-started" />
        <Typography.Text>{t('pt.endedAt')}</Typography.Text>
        <DateTimeInput value={endedAt} onChange={setEndedAt} testId="patrol-ended" />
        <Input.TextArea
          rows={2}
          placeholder={t('pt.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {findings.map((f, i) => (
          <Card
            key={f.key}
            size="small"
            title={`${t('pt.findings')} ${i + 1}`}
            data-testid={`patrol-finding-${i}`}
            extra={
              <Button
                type="link"
                danger
                onClick={() => setFindings((fs) => fs.filter((x) => x.key !== f.key))}
              >
                {t('pt.remove')}
              </Button>
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Select
                size="large"
                style={{ width: '100%' }}
                value={f.item}
                data-testid={`patrol-item-${i}`}
                onChange={(item: Code) =>
                  edit(f.key, {
                    item,
                    grade: items.data?.items.find((x) => x.code === item)?.defaultGrade ?? f.grade,
                  })
                }
                options={(items.data?.items ?? []).map((x) => ({
                  value: x.code,
                  label: label(t, 'in.check', x.code),
                }))}
              />
              <Select
                size="large"
                style={{ width: '100%' }}
                value={f.grade}
                data-testid={`patrol-grade-${i}`}
                onChange={(grade: Grade) => edit(f.key, { grade })}
                options={GRADES.map((g) => ({ value: g, label: t(`in.grade.${g}`) }))}
              />
              <Input
                size="large"
                placeholder={t('pt.location')}
                value={f.location}
                onChange={(e) => edit(f.key, { location: e.target.value })}
                data-testid={`patrol-location-${i}`}
              />
              <Input.TextArea
                rows={2}
                placeholder={t('in.description')}
                value={f.description}
                onChange={(e) => edit(f.key, { description: e.target.value })}
                data-testid={`patrol-description-${i}`}
              />
              <label
                className="ant-btn ant-btn-default ant-btn-lg"
                style={{ display: 'inline-flex', alignItems: 'center' }}
              >
                <CameraOutlined /> {t('pt.photo')} ({f.photos.length})
                <input
                  type="file"
                  accept="image/*"
                  capture="environment"
                  style={{ display: 'none' }}
                  onChange={(e) => void addPhoto(f, e.target.files)}
                  data-testid={`patrol-photo-${i}`}
                />
              </label>
              {f.grade === 'major' ? <Alert type="warning" showIcon message={t('pt.majorNote')} /> : null}
            </Space>
          </Card>
        ))}
        <Button
          size="large"
          block
          disabled={!first}
          data-testid="patrol-add-finding"
          onClick={() =>
            setFindings((fs) => [
              ...fs,
              {
                key: Date.now(),
                item: first!.code as Code,
                grade: first!.defaultGrade,
                location: '',
                description: label(t, 'in.check', first!.code),
                photos: [],
              },
            ])
          }
        >
          {t('pt.addFinding')}
        </Button>
        <Button
          type="primary"
          size="large"
          block
          disabled={!ready}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="patrol-save"
        >
          {t('pt.save')}
        </Button>
      </Space>
    </Drawer>
  );
}
