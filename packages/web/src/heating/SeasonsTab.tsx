import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { errorText, ErrorAlert } from '../common/errors.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { heatingKeys, heating, yuan, type Price, type Season } from './api.ts';
import { PriceForm } from './PriceForm.tsx';
import { RulesCard } from './RulesCard.tsx';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Seasons per area (H-5.2) with the H-5.2.2 flags, prices with effective dates (H-7.2.1), and the rules (H-7.2.2). */
export function SeasonsTab({ canWrite }: { canWrite: boolean }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const data = useQuery({ queryKey: heatingKeys.setUp, queryFn: () => heating.setUp() });
  const [open, setOpen] = useState(false);
  const [actual, setActual] = useState<Season | null>(null);
  const [form] = Form.useForm();
  const [actualForm] = Form.useForm();

  const create = async () => {
    const v = await form.validateFields();
    try {
      await heating.createSeason({
        area: v.area,
        districts: v.districts ?? [],
        startsOn: (v.startsOn as Dayjs).format('YYYY-MM-DD'),
        endsOn: (v.endsOn as Dayjs).format('YYYY-MM-DD'),
        paymentDueOn: day(v.paymentDueOn),
        ...(v.legalHeatingDays ? { legalHeatingDays: v.legalHeatingDays } : {}),
        basis: v.basis ?? '',
      });
      message.success(t('h.saved'));
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: heatingKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const saveActual = async () => {
    const v = await actualForm.validateFields();
    try {
      await heating.patchSeason(actual!.id, {
        version: actual!.version,
        actualStartOn: day(v.actualStartOn) ?? null,
        actualEndOn: day(v.actualEndOn) ?? null,
      });
      setActual(null);
      void queryClient.invalidateQueries({ queryKey: heatingKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ErrorAlert error={data.error} onRetry={data.refetch} />
      <Card
        size="small"
        title={t('h.seasons')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="season-new">
              {t('h.newSeason')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('h.seasonIntro')}</Typography.Paragraph>
        <Table<Season>
          size="small"
          rowKey="id"
          loading={data.isFetching}
          dataSource={data.data?.seasons ?? []}
          pagination={false}
          data-testid="season-table"
          columns={[
            { title: t('h.period'), dataIndex: 'period' },
            { title: t('h.area'), dataIndex: 'area' },
            { title: t('h.dates'), render: (_, s) => `${s.startsOn} → ${s.endsOn}` },
            { title: t('h.legalDays'), dataIndex: 'legalHeatingDays', align: 'right' },
            { title: t('h.dueOn'), dataIndex: 'paymentDueOn' },
            {
              title: t('h.actual'),
              render: (_, s) => `${s.actualStartOn ?? '—'} → ${s.actualEndOn ?? '—'}`,
            },
            {
              title: 'H-5.2.2',
              render: (_, s) =>
                s.flags.length === 0 ? (
                  <Tag color="success">{t('h.onTime')}</Tag>
                ) : (
                  s.flags.map((f) => (
                    <Tag color="error" key={f.code}>
                      {t(`h.flag.${f.code}`, { days: f.days })}
                    </Tag>
                  ))
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    render: (_: unknown, s: Season) => (
                      <Button size="small" onClick={() => setActual(s)}>
                        {t('h.recordActual')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('h.prices')} extra={canWrite && <PriceForm onSaved={data.refetch} />}>
        <Table<Price>
          size="small"
          rowKey="id"
          dataSource={data.data?.prices ?? []}
          pagination={false}
          data-testid="price-table"
          columns={[
            {
              title: t('h.class'),
              render: (_, p) => t(`h.class.${p.customerClass.split(':')[0]}` as MessageKey),
            },
            { title: t('h.method'), render: (_, p) => (p.heating ? t(`h.method.${p.heating.method}`) : '—') },
            {
              title: t('h.price'),
              render: (_, p) =>
                !p.heating
                  ? '—'
                  : p.heating.method === 'area'
                    ? t('h.priceArea', { yuan: yuan(p.heating.fenPerM2PerSeason) })
                    : t('h.priceTwoPart', {
                        base: yuan(p.heating.baseFenPerM2),
                        kwh: yuan(p.heating.fenPerKwh),
                      }),
            },
            { title: t('h.effectiveFrom'), dataIndex: 'effectiveFrom' },
            { title: t('h.announcedOn'), dataIndex: 'announcedOn' },
            {
              title: t('h.basis'),
              render: (_, p) => (
                <>
                  {p.demo && <Tag>{t('h.demo')}</Tag>}
                  {p.basis}
                </>
              ),
            },
          ]}
        />
      </Card>
      {data.data && <RulesCard setUp={data.data} canWrite={canWrite} onSaved={data.refetch} />}
      <Modal
        open={open}
        title={t('h.newSeason')}
        onOk={create}
        onCancel={() => setOpen(false)}
        destroyOnClose
      >
        <Form form={form} layout="vertical" data-testid="season-form">
          <Form.Item name="area" label={t('h.area')} rules={[{ required: true }]}>
            <Input data-testid="season-area" />
          </Form.Item>
          <Form.Item name="districts" label={t('h.districts')}>
            <Select mode="tags" />
          </Form.Item>
          <Space>
            <Form.Item name="startsOn" label={t('h.startsOn')} rules={[{ required: true }]}>
              <DatePicker data-testid="season-start" />
            </Form.Item>
            <Form.Item name="endsOn" label={t('h.endsOn')} rules={[{ required: true }]}>
              <DatePicker data-testid="season-end" />
            </Form.Item>
          </Space>
          <Space>
            <Form.Item name="paymentDueOn" label={t('h.dueOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="legalHeatingDays" label={t('h.legalDays')} extra={t('h.legalDaysHint')}>
              <InputNumber min={1} max={366} />
            </Form.Item>
          </Space>
          <Form.Item name="basis" label={t('h.basisDoc')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!actual}
        title={t('h.recordActual')}
        onOk={saveActual}
        onCancel={() => setActual(null)}
        destroyOnClose
      >
        <Form form={actualForm} layout="vertical">
          <Form.Item name="actualStartOn" label={t('h.actualStart')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="actualEndOn" label={t('h.actualEnd')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
