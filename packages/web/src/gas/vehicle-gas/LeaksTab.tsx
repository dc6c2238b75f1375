import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Radio, Space, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { vehicleGas, vgKeys, type LeakCase, type LeakStepInput } from './vehicleGas.ts';

const STEPS = ['found', 'isolated', 'owner_told', 'handled', 'closed'] as const;
type OpenValues = { plate: string; cylinderSerial?: string; station: string; description: string };

/** G-8.1.5: leaking vehicle cylinders, each handled by the procedure's steps in order. */
export function LeaksTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const queries = useQueryClient();
  const [state, setState] = useState<'open' | 'closed' | 'all'>('open');
  const [opening, setOpening] = useState(false);
  const [stepping, setStepping] = useState<LeakCase | null>(null);
  const [note, setNote] = useState('');
  const [form] = Form.useForm<OpenValues>();
  const list = useQuery({
    queryKey: vgKeys.leaks(state),
    queryFn: () => vehicleGas.leaks({ state, limit: 50 }),
  });
  const canWrite = user?.role !== 'regulator';
  const done = () => void queries.invalidateQueries({ queryKey: vgKeys.all });
  const open = useMutation({
    mutationFn: (v: OpenValues) =>
      vehicleGas.openLeak({
        plate: v.plate,
        station: v.station,
        description: v.description,
        ...(v.cylinderSerial ? { cylinderSerial: v.cylinderSerial } : {}),
      }),
    onSuccess: () => {
      setOpening(false);
      form.resetFields();
      done();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const step = useMutation({
    mutationFn: (c: LeakCase) => vehicleGas.step(c.id, { step: c.nextStep as LeakStepInput['step'], note }),
    onSuccess: () => {
      setStepping(null);
      setNote('');
      done();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('vg.leaks.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={state} onChange={(e) => setState(e.target.value)}>
          <Radio.Button value="open">{t('vg.leaks.open')}</Radio.Button>
          <Radio.Button value="closed">{t('vg.leaks.closed')}</Radio.Button>
          <Radio.Button value="all">{t('common.all')}</Radio.Button>
        </Radio.Group>
        {canWrite && (
          <Button type="primary" danger onClick={() => setOpening(true)} data-testid="vg-leak-open">
            {t('vg.leaks.record')}
          </Button>
        )}
      </Space>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="vg-leaks">
        {(list.data?.items ?? []).map((c) => (
          <Card
            key={c.id}
            size="small"
            title={
              <Space wrap>
                <Typography.Text strong>{c.caseNo}</Typography.Text>
                <Typography.Text code>{c.plate}</Typography.Text>
                {c.cylinderSerial && <Tag>{c.cylinderSerial}</Tag>}
                <Tag color={c.state === 'closed' ? 'green' : 'red'}>
                  {t(`vg.step.${c.state}` as MessageKey)}
                </Tag>
                {c.minutesToIsolate != null && (
                  <Tag>
                    {t('vg.leaks.isolatedIn')} {c.minutesToIsolate} {t('vg.minutes')}
                  </Tag>
                )}
              </Space>
            }
            extra={
              canWrite &&
              c.nextStep && (
                <Button size="small" type="primary" onClick={() => setStepping(c)} data-testid="vg-leak-next">
                  {t(`vg.step.${c.nextStep}` as MessageKey)}
                </Button>
              )
            }
          >
            <Typography.Paragraph>
              {c.station} · {dayjs(c.foundAt).format('YYYY-MM-DD HH:mm')} · {c.description}
            </Typography.Paragraph>
            <Steps
              size="small"
              direction="vertical"
              current={c.steps.length - 1}
              items={STEPS.map((s) => {
                const d = c.steps.find((x) => x.step === s);
                return {
                  title: t(`vg.step.${s}` as MessageKey),
                  status: d ? 'finish' : s === c.nextStep ? 'process' : 'wait',
                  description: d
                    ? `${dayjs(d.at).format('MM-DD HH:mm')} ${d.actorName}${d.note ? ' · ' + d.note : ''}`
                    : undefined,
                };
              })}
            />
          </Card>
        ))}
        {list.data?.items.length === 0 && (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        )}
      </Space>
      <Modal
        open={opening}
        title={t('vg.leaks.record')}
        onCancel={() => setOpening(false)}
        onOk={() => form.submit()}
        confirmLoading={open.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ station: '' }} onFinish={(v) => open.mutate(v)}>
          <Form.Item name="plate" label={t('vg.plate')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="cylinderSerial" label={t('vg.cylinderSerial')}>
            <Input />
          </Form.Item>
          <Form.Item name="station" label={t('vg.station')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('vg.leaks.description')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={stepping != null}
        title={stepping?.nextStep ? t(`vg.step.${stepping.nextStep}` as MessageKey) : ''}
        onCancel={() => setStepping(null)}
        onOk={() => stepping && step.mutate(stepping)}
        confirmLoading={step.isPending}
      >
        <Input.TextArea
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('vg.leaks.note')}
          data-testid="vg-leak-note"
        />
      </Modal>
    </>
  );
}
