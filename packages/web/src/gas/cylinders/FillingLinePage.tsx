import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { cylinders, kg, rate, type FillResult, type ScanResult } from './cylinders.ts';

type FillValues = { netWeightKg: number; leakFree: boolean; labelNo?: string };

/**
 * G-7.1.6 at the filling line, on a phone or a scanner that types: scan → the check's answer (refused with the
 * reason, or the cylinder's rated fill) → the weight and leak test after filling → pass or hold. Today's rates
 * (G-12.4.3.1, G-12.4.3.2) and refusals below come from the same records.
 */
export function FillingLinePage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [station, setStation] = useState('淄川充装站 1号秤');
  const [code, setCode] = useState('');
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [fill, setFill] = useState<FillResult | null>(null);
  const [form] = Form.useForm<FillValues>();
  const codeInput = useRef<React.ComponentRef<typeof Input>>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const report = useQuery({
    queryKey: ['cylinder-fills', today],
    queryFn: () => cylinders.report({ from: today, to: today, limit: 10 }),
  });
  const check = useMutation({
    mutationFn: () => cylinders.scan({ code: code.trim(), station }),
    onSuccess: (r) => {
      setScan(r);
      setFill(null);
      form.resetFields();
      void queries.invalidateQueries({ queryKey: ['cylinder-fills'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const record = useMutation({
    mutationFn: (v: FillValues) =>
      cylinders.fill({
        scanId: scan!.scanId,
        netWeightG: Math.round(v.netWeightKg * 1000),
        leakFree: v.leakFree,
        ...(v.labelNo ? { labelNo: v.labelNo } : {}),
      }),
    onSuccess: (r) => {
      setFill(r);
      void queries.invalidateQueries({ queryKey: ['cylinder-fills'] });
      void queries.invalidateQueries({ queryKey: ['cylinders'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const next = () => {
    setScan(null);
    setFill(null);
    setCode('');
    codeInput.current?.focus();
  };
  const rates = report.data?.rates;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="filling-line">
      <Typography.Title level={4}>{t('fl.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('fl.hint')}</Typography.Paragraph>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input
            addonBefore={t('fl.station')}
            value={station}
            onChange={(e) => setStation(e.target.value)}
            data-testid="fl-station"
          />
          <Space.Compact style={{ width: '100%' }}>
            <Input
              ref={codeInput}
              size="large"
              autoFocus
              placeholder={t('fl.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onPressEnter={() => code.trim() && check.mutate()}
              data-testid="fl-code"
            />
            <Button
              size="large"
              type="primary"
              loading={check.isPending}
              disabled={!code.trim()}
              onClick={() => check.mutate()}
              data-testid="fl-check"
            >
              {t('fl.check')}
            </Button>
          </Space.Compact>
        </Space>
      </Card>
      {scan && !scan.ok && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          message={`${t('fl.refused')} · ${scan.code}`}
          description={scan.message ? (lang === 'zh' ? scan.message.zh : scan.message.en) : ''}
          data-testid="fl-refused"
          action={<Button onClick={next}>{t('fl.next')}</Button>}
        />
      )}
      {scan?.ok && scan.cylinder && (
        <Card style={{ marginTop: 12 }} size="small" data-testid="fl-allowed">
          <Alert type="success" showIcon message={`${t('fl.allowed')} · ${scan.code}`} />
          <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('cy.model')}>{scan.cylinder.model}</Descriptions.Item>
            <Descriptions.Item label={t('cy.ratedFill')}>
              {kg(scan.cylinder.ratedFillG)} ±{kg(scan.cylinder.toleranceG)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cy.nextInspectionOn')}>
              {scan.cylinder.nextInspectionOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('cy.marking')}>{scan.cylinder.marking}</Descriptions.Item>
          </Descriptions>
          {fill ? (
            <Alert
              type={fill.outcome === 'pass' ? 'success' : 'warning'}
              showIcon
              data-testid="fl-result"
              message={fill.outcome === 'pass' ? t('fl.pass') : t('fl.hold')}
              description={
                <>
                  {t('cy.netWeight')} {kg(fill.netWeightG)}
                  {fill.reasons.map((r) => (
                    <div key={r.zh}>{lang === 'zh' ? r.zh : r.en}</div>
                  ))}
                </>
              }
              action={
                <Button type="primary" onClick={next} data-testid="fl-next">
                  {t('fl.next')}
                </Button>
              }
            />
          ) : (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ leakFree: true }}
              onFinish={(v) => record.mutate(v)}
            >
              <Form.Item
                name="netWeightKg"
                label={t('fl.netWeight')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber
                  size="large"
                  min={0}
                  max={200}
                  step={0.05}
                  style={{ width: '100%' }}
                  data-testid="fl-weight"
                />
              </Form.Item>
              <Form.Item name="leakFree" label={t('fl.leakFree')}>
                <Radio.Group buttonStyle="solid" size="large" data-testid="fl-leak">
                  <Radio.Button value={true}>{t('fl.leakOk')}</Radio.Button>
                  <Radio.Button value={false} data-testid="fl-leak-bad">
                    {t('fl.leakBad')}
                  </Radio.Button>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="labelNo" label={t('fl.label')}>
                <Input data-testid="fl-label" />
              </Form.Item>
              <Button
                type="primary"
                size="large"
                block
                htmlType="submit"
                loading={record.isPending}
                data-testid="fl-record"
              >
                {t('fl.record')}
              </Button>
            </Form>
          )}
        </Card>
      )}
      <Card size="small" style={{ marginTop: 12 }} title={t('fl.today')}>
        <Space size="large" wrap>
          <Statistic title={t('fl.tested')} value={rates?.tested ?? 0} />
          <Statistic title={t('fl.leakRate')} value={rates ? rate(rates.leakFree, rates.tested) : '—'} />
          <Statistic
            title={t('fl.passRate')}
            value={rates ? rate(rates.passed, rates.tested) : '—'}
            data-testid="fl-pass-rate"
          />
        </Space>
        <Typography.Title level={5} style={{ marginTop: 12 }}>
          {t('fl.refusals')}
        </Typography.Title>
        <List
          size="small"
          dataSource={report.data?.refusals ?? []}
          data-testid="fl-refusals"
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <Typography.Text code>{r.code}</Typography.Text>
                <Tag color="red">{t(`fl.reason.${r.reason}` as MessageKey)}</Tag>
                <Typography.Text type="secondary">{dayjs(r.scannedAt).format('HH:mm')}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
