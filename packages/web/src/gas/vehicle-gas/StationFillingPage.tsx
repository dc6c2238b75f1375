import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { FillReceiptCard } from './FillReceipt.tsx';
import { VehicleForm } from './VehicleForm.tsx';
import { CERT_COLOR, vehicleGas, vgKeys, type CheckResult, type VehicleFill } from './vehicleGas.ts';

type FillValues = { quantity: number; leakFree: boolean; leakNote?: string };
const pick = (m: { zh: string; en: string }, lang: string) => (lang === 'zh' ? m.zh : m.en);

/**
 * The station's filling check on a phone (G-8.1.1, G-8.1.4, G-8.1.10): the dispenser, a typed or scanned plate →
 * refused with the reasons, or accepted (with a reminder when a certificate is near its date) → the quantity and
 * the leak check after filling are logged. An unknown plate is registered here from its certificates.
 */
export function StationFillingPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [dispenserId, setDispenserId] = useState<string>();
  const [plate, setPlate] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [fill, setFill] = useState<VehicleFill | null>(null);
  const [registering, setRegistering] = useState(false);
  const [form] = Form.useForm<FillValues>();
  const plateInput = useRef<React.ComponentRef<typeof Input>>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const list = useQuery({ queryKey: vgKeys.dispensers, queryFn: vehicleGas.dispensers });
  const usable = (list.data?.items ?? []).filter((d) => d.usable);
  useEffect(() => {
    if (!dispenserId && usable[0]) setDispenserId(usable[0].id);
  }, [dispenserId, usable]);
  const log = useQuery({
    queryKey: vgKeys.log({ from: today, to: today }),
    queryFn: () => vehicleGas.log({ from: today, to: today, limit: 10 }),
  });
  const check = useMutation({
    mutationFn: (p: string) => vehicleGas.check({ plate: p, dispenserId: dispenserId! }),
    onSuccess: (r) => {
      setResult(r);
      setFill(null);
      setRegistering(false);
      form.resetFields();
      void queries.invalidateQueries({ queryKey: vgKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const record = useMutation({
    mutationFn: (v: FillValues) =>
      vehicleGas.fill({
        checkId: result!.checkId,
        quantity: v.quantity,
        leakFree: v.leakFree,
        ...(v.leakNote ? { leakNote: v.leakNote } : {}),
      }),
    onSuccess: (r) => {
      setFill(r);
      void queries.invalidateQueries({ queryKey: vgKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const next = () => {
    setResult(null);
    setFill(null);
    setPlate('');
    setRegistering(false);
    plateInput.current?.focus();
  };
  const leakFree = Form.useWatch('leakFree', form);
  const counts = log.data?.counts;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="vg-station">
      <Typography.Title level={4}>{t('vg.station.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('vg.station.hint')}</Typography.Paragraph>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            style={{ width: '100%' }}
            size="large"
            value={dispenserId}
            onChange={setDispenserId}
            placeholder={t('vg.dispenser')}
            data-testid="vf-dispenser"
            options={usable.map((d) => ({
              value: d.id,
              label: `${d.station} · ${d.number}${t('vg.dispenserNo')} · ${d.medium}`,
            }))}
          />
          {list.data && usable.length < list.data.items.length && (
            <Typography.Text type="warning">{t('vg.station.unusable')}</Typography.Text>
          )}
          <Space.Compact style={{ width: '100%' }}>
            <Input
              ref={plateInput}
              size="large"
              autoFocus
              placeholder={t('vg.station.plate')}
              value={plate}
              onChange={(e) => setPlate(e.target.value)}
              onPressEnter={() => plate.trim() && dispenserId && check.mutate(plate.trim())}
              data-testid="vf-plate"
            />
            <Button
              size="large"
              type="primary"
              loading={check.isPending}
              disabled={!plate.trim() || !dispenserId}
              onClick={() => check.mutate(plate.trim())}
              data-testid="vf-check"
            >
              {t('vg.station.check')}
            </Button>
          </Space.Compact>
        </Space>
      </Card>

      {result?.outcome === 'refused' && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="vf-refused"
          message={`${t('vg.station.refused')} · ${result.plate}`}
          description={result.findings.map((f, i) => (
            <div key={i}>{pick(f.message, lang)}</div>
          ))}
          action={<Button onClick={next}>{t('vg.station.next')}</Button>}
        />
      )}

      {result?.outcome === 'unregistered' && (
        <Card style={{ marginTop: 12 }} size="small" data-testid="vf-unregistered">
          <Alert type="info" showIcon message={result.plate} description={pick(result.message!, lang)} />
          {registering ? (
            <div style={{ marginTop: 12 }}>
              <VehicleForm
                plate={result.plate}
                medium={result.dispenser.medium}
                onDone={() => check.mutate(result.plate)}
                onCancel={() => setRegistering(false)}
              />
            </div>
          ) : (
            <Button
              style={{ marginTop: 12 }}
              type="primary"
              onClick={() => setRegistering(true)}
              data-testid="vf-register"
            >
              {t('vg.station.register')}
            </Button>
          )}
        </Card>
      )}

      {result?.outcome === 'accepted' && (
        <Card style={{ marginTop: 12 }} size="small" data-testid="vf-accepted">
          <Alert type="success" showIcon message={`${t('vg.station.accepted')} · ${result.plate}`} />
          {result.reminders.length > 0 && (
            <Alert
              style={{ marginTop: 8 }}
              type="warning"
              showIcon
              data-testid="vf-reminder"
              message={t('vg.station.reminder')}
              description={
                <>
                  {result.reminders.map((r) => (
                    <div key={r.serialNo}>{pick(r.message, lang)}</div>
                  ))}
                  <Typography.Text type="secondary">{pick(result.reminderSource, lang)}</Typography.Text>
                </>
              }
            />
          )}
          <List
            size="small"
            dataSource={result.vehicle?.cylinders ?? []}
            renderItem={(c) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text code>{c.serialNo}</Typography.Text>
                  <Tag>{c.medium}</Tag>
                  <Tag color={CERT_COLOR[c.certificateState]}>
                    {t('vg.certificateExpires')} {c.certificateExpiresOn}
                  </Tag>
                </Space>
              </List.Item>
            )}
          />
          {fill ? (
            <>
              <Alert
                type={fill.leakFree ? 'success' : 'error'}
                showIcon
                data-testid="vf-result"
                message={fill.leakFree ? t('vg.station.logged') : t('vg.station.leakOpened')}
                description={`${fill.plate} · ${fill.quantity} ${fill.unit} · ${fill.dispenserNo}${t('vg.dispenserNo')} · ${fill.attendantName}`}
                action={
                  <Button type="primary" onClick={next} data-testid="vf-next">
                    {t('vg.station.next')}
                  </Button>
                }
              />
              <FillReceiptCard fillId={fill.id} quantity={fill.quantity} unit={fill.unit} />
            </>
          ) : (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ leakFree: true }}
              onFinish={(v) => record.mutate(v)}
            >
              <Form.Item
                name="quantity"
                label={t('vg.quantity')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber
                  size="large"
                  min={0.001}
                  max={2000}
                  step={0.01}
                  addonAfter={result.dispenser.unit}
                  style={{ width: '100%' }}
                  data-testid="vf-quantity"
                />
              </Form.Item>
              <Form.Item name="leakFree" label={t('vg.leakCheck')}>
                <Radio.Group buttonStyle="solid" size="large">
                  <Radio.Button value={true}>{t('vg.leakOk')}</Radio.Button>
                  <Radio.Button value={false} data-testid="vf-leak-bad">
                    {t('vg.leakBad')}
                  </Radio.Button>
                </Radio.Group>
              </Form.Item>
              {leakFree === false && (
                <Form.Item name="leakNote" label={t('vg.leakNote')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              )}
              <Button
                type="primary"
                size="large"
                block
                htmlType="submit"
                loading={record.isPending}
                data-testid="vf-record"
              >
                {t('vg.station.record')}
              </Button>
            </Form>
          )}
        </Card>
      )}

      <Card size="small" style={{ marginTop: 12 }} title={t('vg.station.today')}>
        <Space size="large" wrap>
          <Statistic title={t('vg.count.fills')} value={counts?.fills ?? 0} data-testid="vf-today-fills" />
          <Statistic
            title={t('vg.count.refused')}
            value={counts?.refused ?? 0}
            data-testid="vf-today-refused"
          />
          <Statistic title={t('vg.count.reminded')} value={counts?.reminded ?? 0} />
        </Space>
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={(log.data?.checks ?? []).filter((c) => c.outcome === 'refused')}
          renderItem={(c) => (
            <List.Item>
              <Space wrap>
                <Typography.Text code>{c.plate}</Typography.Text>
                {c.reasons.map((r) => (
                  <Tag color="red" key={r}>
                    {t(`vg.reason.${r}` as MessageKey)}
                  </Tag>
                ))}
                <Typography.Text type="secondary">{dayjs(c.checkedAt).format('HH:mm')}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
