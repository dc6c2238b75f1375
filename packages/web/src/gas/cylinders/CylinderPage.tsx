import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { applyServerErrors } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { cylinders, kg, STATE_COLOR, type LifeEventInput } from './cylinders.ts';

type Values = {
  type: LifeEventInput['type'];
  on: Dayjs;
  place: string;
  inspectionPassed?: boolean;
  note?: string;
};
const MANUAL: LifeEventInput['type'][] = [
  'treated',
  'dispatched',
  'delivered',
  'returned',
  'inspected',
  'scrapped',
  'disposed',
];

/** G-7.1.5: one cylinder's register entry and its whole life as one timeline; a step is appended, never edited. */
export function CylinderPage() {
  const { code = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const detail = useQuery({ queryKey: ['cylinders', 'detail', code], queryFn: () => cylinders.detail(code) });
  const record = useMutation({
    mutationFn: (v: Values) =>
      cylinders.record(code, {
        type: v.type,
        on: v.on.format('YYYY-MM-DD'),
        place: v.place,
        note: v.note ?? '',
        ...(v.type === 'inspected' ? { inspectionPassed: v.inspectionPassed ?? true } : {}),
      }),
    onSuccess: () => {
      message.success(t('cy.recorded'));
      void queries.invalidateQueries({ queryKey: ['cylinders'] });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['on']);
      if (text) message.error(text);
    },
  });
  const type = Form.useWatch('type', form);
  const c = detail.data?.cylinder;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="cylinder-page">
      <Link to="/cylinders">{t('cy.back')}</Link>
      <Card
        loading={detail.isLoading}
        title={
          <Space>
            <Typography.Text code>{code}</Typography.Text>
            {c && <Tag color={STATE_COLOR[c.state]}>{t(`cy.state.${c.state}` as MessageKey)}</Tag>}
          </Space>
        }
      >
        {c && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('cy.model')}>{c.model}</Descriptions.Item>
            <Descriptions.Item label={t('cy.ratedFill')}>
              {kg(c.ratedFillG)} ±{kg(c.toleranceG)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cy.marking')}>{c.marking}</Descriptions.Item>
            <Descriptions.Item label={t('cy.manufacturer')}>{c.manufacturer}</Descriptions.Item>
            <Descriptions.Item label={t('cy.serialNo')}>{c.serialNo}</Descriptions.Item>
            <Descriptions.Item label={t('cy.manufacturedOn')}>{c.manufacturedOn}</Descriptions.Item>
            <Descriptions.Item label={t('cy.lastInspectedOn')}>{c.lastInspectedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cy.nextInspectionOn')}>{c.nextInspectionOn}</Descriptions.Item>
            <Descriptions.Item label={t('cy.scrapDueOn')}>{c.scrapDueOn}</Descriptions.Item>
            <Descriptions.Item label={t('cy.lastTreatedOn')}>{c.lastTreatedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cy.netWeight')}>{kg(c.lastNetWeightG)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title={t('cy.timeline')}>
        <Typography.Paragraph type="secondary">{t('cy.timelineHint')}</Typography.Paragraph>
        <Timeline
          data-testid="cy-timeline"
          items={(detail.data?.events ?? []).map((e) => ({
            color:
              e.type === 'scrapped'
                ? 'red'
                : e.type === 'checked' && e.details.outcome === 'hold'
                  ? 'orange'
                  : 'blue',
            children: (
              <div data-testid="cy-event">
                <Typography.Text strong>{t(`cy.event.${e.type}` as MessageKey)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.place} · {t('cy.by')} {e.actorName}
                </Typography.Text>
                {typeof e.details.netWeightG === 'number' && <div>{kg(e.details.netWeightG)}</div>}
                {e.type === 'checked' && (
                  <div>{e.details.outcome === 'pass' ? t('fl.pass') : t('fl.hold')}</div>
                )}
                {typeof e.details.note === 'string' && e.details.note && <div>{e.details.note}</div>}
                {typeof e.details.residueG === 'number' && (
                  <div>
                    {t('cy.residue', {
                      residue: kg(e.details.residueG),
                      refund: `¥${(Number(e.details.refundFen ?? 0) / 100).toFixed(2)}`,
                    })}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      </Card>
      {c && c.state !== 'disposed' && (
        <Card title={t('cy.record')}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ type: 'treated', on: dayjs(), place: '淄川充装站', inspectionPassed: true }}
            onFinish={(v) => record.mutate(v)}
          >
            <Space wrap align="start">
              <Form.Item name="type" label={t('cy.eventType')}>
                <Select
                  style={{ width: 220 }}
                  options={MANUAL.map((m) => ({ value: m, label: t(`cy.event.${m}` as MessageKey) }))}
                  data-testid="cy-event-type"
                />
              </Form.Item>
              <Form.Item
                name="on"
                label={t('cy.on')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item
                name="place"
                label={t('cy.place')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input style={{ width: 200 }} />
              </Form.Item>
              {type === 'inspected' && (
                <Form.Item name="inspectionPassed" label={t('cy.inspectionPassed')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              )}
              <Form.Item name="note" label={t('cy.note')}>
                <Input style={{ width: 240 }} />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="cy-event-submit">
              {t('cy.record')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
