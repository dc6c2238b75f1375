import { useRef, useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Divider,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { SignaturePad, type SignaturePadHandle } from '../../service/orders/SignaturePad.tsx';
import { quality, type Recorded } from './api.ts';

export interface MeasureTarget {
  premisesId: string;
  sampleHouseholdId?: string;
  workOrderId?: string;
  title: string;
  address: string;
  unitHeatUseRate?: number | null;
}

const PROTOCOL_ITEMS = [
  'systemRunning',
  'conditionsNoted',
  'doorsWindowsClosed30Min',
  'sensorAtRoomCentre',
  'radiatorsUncovered',
  'noSunOrHeatSourceOnSensor',
  'inspectorStill',
  'enlargedAreaOrAddedRadiatorsNoted',
  'modificationsNoted',
] as const;
const CONDITION_ITEMS = ['outdoorNotBelowDesign', 'envelopeToCode', 'indoorSystemWorking'] as const;

/** Every item of the list, true where it was ticked. */
const ticked = <K extends string>(items: readonly K[], on: string[]) =>
  Object.fromEntries(items.map((k) => [k, on.includes(k)])) as Record<K, boolean>;

type Values = {
  protocol: string[];
  conditions: string[];
  sensorHeightMm: number;
  enlarged: boolean;
  modified: boolean;
  readings: { room: 'bedroom' | 'living_room' | 'other'; label?: string; celsius: number }[];
  contract?: number;
  outdoor?: number;
  note?: string;
  refused?: string;
};

/** H-5.4.5 on a phone: the checklist, the H-5.1 conditions, readings per room and the customer's signature. */
export function MeasureForm({ target, onDone }: { target: MeasureTarget; onDone: (m: Recorded) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignaturePadHandle>(null);
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const showContract =
    target.unitHeatUseRate === undefined || target.unitHeatUseRate === null || target.unitHeatUseRate < 70;

  const submit = async (v: Values) => {
    const signed = pad.current && !pad.current.isEmpty();
    if (!signed && !v.refused) {
      message.warning(t('m.needSignature'));
      return;
    }
    setBusy(true);
    try {
      const protocol = ticked(PROTOCOL_ITEMS, v.protocol);
      const result = await quality.record({
        premisesId: target.premisesId,
        ...(target.sampleHouseholdId ? { sampleHouseholdId: target.sampleHouseholdId } : {}),
        ...(target.workOrderId ? { workOrderId: target.workOrderId } : {}),
        protocol: {
          ...protocol,
          sensorHeightMm: v.sensorHeightMm,
          enlargedAreaOrAddedRadiators: v.enlarged,
          modifications: v.modified,
        },
        conditions: ticked(CONDITION_ITEMS, v.conditions),
        readings: v.readings.map((r) => ({
          room: r.room,
          ...(r.label ? { label: r.label } : {}),
          tenths: Math.round(r.celsius * 10),
        })),
        ...(v.contract !== undefined && v.contract !== null
          ? { contractTenths: Math.round(v.contract * 10) }
          : {}),
        ...(v.outdoor !== undefined && v.outdoor !== null
          ? { outdoorTenths: Math.round(v.outdoor * 10) }
          : {}),
        note: v.note ?? '',
        ...(signed ? { signature: pad.current!.toPng() } : { signatureRefusedReason: v.refused }),
      });
      onDone(result);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="measure-form"
      initialValues={{
        protocol: [],
        conditions: [...CONDITION_ITEMS],
        sensorHeightMm: 1200,
        enlarged: false,
        modified: false,
        readings: [
          { room: 'living_room', label: '客厅' },
          { room: 'bedroom', label: '主卧' },
        ],
      }}
    >
      <Card size="small" title={target.title}>
        <Typography.Text>{target.address}</Typography.Text>
        {target.unitHeatUseRate !== undefined && target.unitHeatUseRate !== null ? (
          <div>
            <Typography.Text type="secondary">
              {t('m.band', { rate: target.unitHeatUseRate })}
            </Typography.Text>
          </div>
        ) : null}
      </Card>
      <Divider orientation="left">{t('m.protocol')}</Divider>
      <Form.Item name="protocol">
        <Checkbox.Group style={{ display: 'grid', gap: 10 }}>
          {PROTOCOL_ITEMS.map((k) => (
            <Checkbox key={k} value={k} data-testid={`protocol-${k}`}>
              {t(`m.p.${k}` as MessageKey)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="sensorHeightMm" label={t('m.sensorHeight')} rules={[{ required: true }]}>
        <InputNumber min={0} max={5000} step={10} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      <Typography.Text strong>{t('m.findings')}</Typography.Text>
      <Form.Item
        name="enlarged"
        valuePropName="checked"
        label={t('m.f.enlarged')}
        style={{ marginBottom: 4 }}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="modified" valuePropName="checked" label={t('m.f.modified')}>
        <Switch />
      </Form.Item>
      <Divider orientation="left">{t('m.conditions')}</Divider>
      <Form.Item name="conditions">
        <Checkbox.Group style={{ display: 'grid', gap: 10 }}>
          {CONDITION_ITEMS.map((k) => (
            <Checkbox key={k} value={k} data-testid={`condition-${k}`}>
              {t(`m.c.${k}` as MessageKey)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Divider orientation="left">{t('m.readings')}</Divider>
      <Form.List name="readings">
        {(fields, { add, remove }) => (
          <div className="touch-stack">
            {fields.map((f, i) => (
              <Space key={f.key} align="start" wrap style={{ width: '100%' }}>
                <Form.Item name={[f.name, 'room']} style={{ marginBottom: 0, width: 96 }}>
                  <Select
                    options={(['living_room', 'bedroom', 'other'] as const).map((r) => ({
                      value: r,
                      label: t(`m.room.${r}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'label']} style={{ marginBottom: 0, width: 80 }}>
                  <Input maxLength={30} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'celsius']}
                  rules={[{ required: true }]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber
                    step={0.1}
                    min={-30}
                    max={45}
                    addonAfter="°C"
                    style={{ width: 120 }}
                    inputMode="decimal"
                    data-testid={`reading-${i}`}
                  />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                ) : null}
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ room: 'bedroom' })}>
              {t('m.addRoom')}
            </Button>
          </div>
        )}
      </Form.List>
      <Divider />
      {showContract ? (
        <Form.Item name="contract" label={t('m.contract')}>
          <InputNumber step={0.5} min={10} max={30} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      <Form.Item name="outdoor" label={t('m.outdoor')}>
        <InputNumber step={0.1} min={-40} max={30} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('m.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Divider orientation="left">{t('m.signature')}</Divider>
      <SignaturePad ref={pad} />
      <Checkbox checked={refusing} onChange={(e) => setRefusing(e.target.checked)} style={{ marginTop: 8 }}>
        {t('m.refused')}
      </Checkbox>
      {refusing ? (
        <Form.Item name="refused" rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={busy}
        style={{ marginTop: 16 }}
        data-testid="measure-submit"
      >
        {t('m.submit')}
      </Button>
    </Form>
  );
}
