import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { DISPENSER_COLOR, MEDIA, vehicleGas, vgKeys, type Dispenser } from './vehicleGas.ts';

type VerifyValues = {
  verifiedOn: Dayjs;
  passed: boolean;
  validUntil?: Dayjs;
  certificateNo: string;
  verifier: string;
};
type AddValues = { station: string; number: string; medium: (typeof MEDIA)[number]; maker?: string };

/** G-8.1.2: the dispensers' verification register with due dates, and the watcher's alerts. */
export function DispensersTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const queries = useQueryClient();
  const list = useQuery({ queryKey: vgKeys.dispensers, queryFn: vehicleGas.dispensers });
  const [verifying, setVerifying] = useState<Dispenser | null>(null);
  const [adding, setAdding] = useState(false);
  const [vform] = Form.useForm<VerifyValues>();
  const [aform] = Form.useForm<AddValues>();
  const admin = user?.role === 'enterprise_admin';
  const done = () => void queries.invalidateQueries({ queryKey: vgKeys.all });
  const verify = useMutation({
    mutationFn: (v: VerifyValues) =>
      vehicleGas.verify(verifying!.id, {
        verifiedOn: v.verifiedOn.format('YYYY-MM-DD'),
        passed: v.passed,
        certificateNo: v.certificateNo,
        verifier: v.verifier,
        ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
      }),
    onSuccess: () => {
      setVerifying(null);
      vform.resetFields();
      done();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const add = useMutation({
    mutationFn: (v: AddValues) => vehicleGas.addDispenser(v),
    onSuccess: () => {
      setAdding(false);
      aform.resetFields();
      done();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const pick = (m: { zh: string; en: string }) => (lang === 'zh' ? m.zh : m.en);
  return (
    <>
      {list.data && (
        <Typography.Paragraph type="secondary">{pick(list.data.rules.source)}</Typography.Paragraph>
      )}
      {(list.data?.alerts ?? [])
        .filter((a) => !a.acknowledged)
        .slice(0, 5)
        .map((a) => (
          <Alert
            key={a.id}
            style={{ marginBottom: 8 }}
            type={a.kind === 'dispenser_due' ? 'warning' : 'error'}
            showIcon
            message={pick(a.message)}
            data-testid="vg-dispenser-alert"
          />
        ))}
      {admin && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>
          {t('vg.dispenser.add')}
        </Button>
      )}
      <Table<Dispenser>
        rowKey="id"
        size="small"
        dataSource={list.data?.items ?? []}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: true }}
        data-testid="vg-dispensers"
        columns={[
          { title: t('vg.station'), dataIndex: 'station' },
          { title: t('vg.dispenser'), render: (_, d) => `${d.number}${t('vg.dispenserNo')}` },
          { title: t('vg.medium'), dataIndex: 'medium' },
          { title: t('vg.dispenser.last'), render: (_, d) => d.last?.verifiedOn ?? '—' },
          { title: t('vg.dispenser.cert'), render: (_, d) => d.last?.certificateNo ?? '—' },
          {
            title: t('vg.dispenser.due'),
            render: (_, d) => (
              <Space size={4}>
                {d.dueOn ?? '—'}
                <Tag color={DISPENSER_COLOR[d.state]}>
                  {t(`vg.dstate.${d.state}` as MessageKey)}
                  {d.state === 'due_soon' && d.daysLeft != null ? ` ${d.daysLeft}${t('vg.days')}` : ''}
                </Tag>
              </Space>
            ),
          },
          {
            title: '',
            render: (_, d) =>
              admin && (
                <Button size="small" onClick={() => setVerifying(d)} data-testid={`vg-verify-${d.number}`}>
                  {t('vg.dispenser.verify')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={verifying != null}
        title={`${t('vg.dispenser.verify')} · ${verifying?.station ?? ''} ${verifying?.number ?? ''}${t('vg.dispenserNo')}`}
        onCancel={() => setVerifying(null)}
        onOk={() => vform.submit()}
        confirmLoading={verify.isPending}
      >
        <Form
          form={vform}
          layout="vertical"
          initialValues={{ passed: true, verifiedOn: dayjs(), verifier: '淄博市计量技术研究院' }}
          onFinish={(v) => verify.mutate(v)}
        >
          <Form.Item name="verifiedOn" label={t('vg.dispenser.verifiedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="passed" label={t('vg.outcome')}>
            <Radio.Group>
              <Radio value={true}>{t('vg.dispenser.passed')}</Radio>
              <Radio value={false}>{t('vg.dispenser.failed')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="validUntil"
            label={t('vg.dispenser.validUntil')}
            extra={t('vg.dispenser.validHint')}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="certificateNo" label={t('vg.dispenser.cert')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="verifier" label={t('vg.dispenser.verifier')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding}
        title={t('vg.dispenser.add')}
        onCancel={() => setAdding(false)}
        onOk={() => aform.submit()}
        confirmLoading={add.isPending}
      >
        <Form
          form={aform}
          layout="vertical"
          initialValues={{ medium: 'CNG' }}
          onFinish={(v) => add.mutate(v)}
        >
          <Form.Item name="station" label={t('vg.station')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="number" label={t('vg.dispenser')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="medium" label={t('vg.medium')}>
            <Select options={MEDIA.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="maker" label={t('vg.dispenser.maker')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
