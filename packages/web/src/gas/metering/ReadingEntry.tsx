import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { errorText } from '../../common/errors.tsx';
import { todayShanghai } from '../../common/format.ts';
import { useDebounced } from '../../common/useDebounced.ts';
import { useI18n } from '../../i18n/index.tsx';
import { canEnterReadings } from './access.ts';
import { m3, metering, meteringKeys, type Meter, type ReadingFlag, type ReadingInput } from './api.ts';
import { ConfirmFlagsModal } from './ConfirmFlagsModal.tsx';
import { ReadingHistory } from './ReadingHistory.tsx';

/** One reading: pick the meter, see the last reading and what the estimate would be and why, enter the register. */
export function ReadingEntry() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [meter, setMeter] = useState<Meter | null>(null);
  const [flags, setFlags] = useState<ReadingFlag[] | null>(null);
  const [pending, setPending] = useState<ReadingInput | null>(null);
  const queries = useQueryClient();
  const query = { q: q || undefined, status: 'in_service' as const, limit: 20 };
  const options = useQuery({
    queryKey: meteringKeys.meterList(query),
    queryFn: () => metering.meters(query),
    placeholderData: keepPreviousData,
  });
  const today = todayShanghai();
  const estimate = useQuery({
    queryKey: meteringKeys.estimate(meter?.id ?? '', today),
    queryFn: () => metering.estimate(meter!.id, today),
    enabled: meter !== null,
  });

  const enter = useMutation({
    mutationFn: metering.enter,
    onSuccess: (res) => {
      message.success(
        res.settlement ? `${t('meter.saved')} ${res.settlement.explanation[lang]}` : t('meter.saved'),
      );
      setFlags(null);
      setPending(null);
      form.resetFields(['register', 'note']);
      void queries.invalidateQueries({ queryKey: meteringKeys.readings });
    },
    onError: (e, input) => {
      if (e instanceof ApiError && e.code === 'READING_NEEDS_CONFIRMATION') {
        setPending(input);
        setFlags((e.details as { flags: ReadingFlag[] }).flags);
      } else {
        message.error(errorText(e, lang));
      }
    },
  });
  const save = (input: ReadingInput) => enter.mutate(input);
  const busy = enter.isPending;

  const submit = (v: {
    readOn: dayjs.Dayjs;
    kind: ReadingInput['kind'];
    register: number;
    note?: string;
  }) => {
    if (!meter) return;
    save({
      meterId: meter.id,
      readOn: v.readOn.format('YYYY-MM-DD'),
      kind: v.kind,
      register: Math.round(v.register * 1000),
      note: v.note ?? '',
    });
  };

  const est = estimate.data ?? null;
  const estError = estimate.error;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('meter.entryTitle')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              showSearch
              filterOption={false}
              style={{ width: '100%' }}
              placeholder={t('meter.pickMeter')}
              onSearch={setSearch}
              loading={options.isFetching}
              value={meter?.id}
              onChange={(id) => setMeter(options.data?.items.find((m) => m.id === id) ?? null)}
              options={(options.data?.items ?? []).map((m) => ({
                value: m.id,
                label: `${m.serialNo} · ${m.accountNo ?? ''} ${m.customerName ?? ''}`,
              }))}
              data-testid="reading-meter"
            />
            {meter ? (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item
                  label={t('meter.customer')}
                >{`${meter.accountNo} ${meter.customerName}`}</Descriptions.Item>
                <Descriptions.Item label={t('meter.address')}>{meter.address}</Descriptions.Item>
                <Descriptions.Item label={t('meter.estimateIfUnread')}>
                  {est ? (
                    <span data-testid="estimate-preview">
                      {m3(est.usage)} m³ — {est.basis.reason[lang]}
                    </span>
                  ) : estError ? (
                    errorText(estError, lang)
                  ) : (
                    '…'
                  )}
                </Descriptions.Item>
              </Descriptions>
            ) : null}
            {canEnterReadings(user.role) ? (
              <Form
                form={form}
                layout="vertical"
                disabled={!meter}
                initialValues={{ readOn: dayjs(today), kind: meter?.remoteReading ? 'remote' : 'actual' }}
                onFinish={submit}
              >
                <Form.Item name="readOn" label={t('meter.readOn')} rules={[{ required: true }]}>
                  <DatePicker
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                  />
                </Form.Item>
                <Form.Item name="kind" label={t('meter.kind')} rules={[{ required: true }]}>
                  <Select
                    options={(['actual', 'remote', 'customer'] as const).map((k) => ({
                      value: k,
                      label: t(`meter.kind.${k}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="register" label={t('meter.registerM3')} rules={[{ required: true }]}>
                  <InputNumber
                    min={0}
                    precision={3}
                    step={1}
                    style={{ width: '100%' }}
                    data-testid="reading-register"
                  />
                </Form.Item>
                <Form.Item name="note" label={t('meter.note')}>
                  <Input maxLength={300} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="reading-save">
                  {t('meter.saveReading')}
                </Button>
              </Form>
            ) : (
              <Alert type="info" message={t('meter.readOnly')} />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {meter?.customerId ? (
          <Card size="small" title={t('meter.history')}>
            <ReadingHistory customerId={meter.customerId} />
          </Card>
        ) : null}
      </Col>
      <ConfirmFlagsModal
        flags={flags}
        busy={busy}
        onCancel={() => setFlags(null)}
        onConfirm={(note) => pending && save({ ...pending, note, confirm: true })}
      />
    </Row>
  );
}
