import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { cessations, type Cessation, type CessationInput } from '../../api/cessations.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const STATUS_COLOR: Record<string, string> = {
  awaiting_approval: 'orange',
  filed: 'blue',
  approved: 'green',
  rejected: 'red',
  customers_notified: 'purple',
  withdrawn: 'default',
};

/**
 * G-6.2.14, G-9.3.2: an enterprise files the day it stops (with the arrangements for its customers and who takes
 * over what is open), sees the deadlines from the working calendar, and tells its customers; the regulator sees every
 * filing and decides a pipeline company's.
 */
export function CessationsPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const regulator = user?.role === 'regulator';
  const queries = useQueryClient();
  const [form] = Form.useForm<CessationInput>();
  const ceasesOn = Form.useWatch('ceasesOn', form);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [rejecting, setRejecting] = useState<Cessation | null>(null);
  const [reason, setReason] = useState('');
  const list = useQuery({ queryKey: ['cessations'], queryFn: cessations.list });
  const preview = useQuery({
    queryKey: ['cessations', 'preview', ceasesOn],
    queryFn: () => cessations.preview(String(ceasesOn)),
    enabled: !regulator && /^\d{4}-\d{2}-\d{2}$/.test(String(ceasesOn ?? '')),
  });
  const done = (text: string) => {
    setMessage({ ok: true, text });
    void queries.invalidateQueries({ queryKey: ['cessations'] });
  };
  const failed = (e: unknown) => setMessage({ ok: false, text: errorText(e, lang) });
  const file = useMutation({
    mutationFn: cessations.file,
    onSuccess: () => {
      form.resetFields();
      done(t('cess.filed'));
    },
    onError: failed,
  });
  const act = useMutation({
    mutationFn: ({ c, step }: { c: Cessation; step: 'notify' | 'withdraw' | 'approved' | 'rejected' }) =>
      step === 'notify'
        ? cessations.notify(c.id)
        : step === 'withdraw'
          ? cessations.withdraw(c.id)
          : cessations.decide(c.id, step, step === 'rejected' ? reason : ''),
    onSuccess: (c) => {
      setRejecting(null);
      setReason('');
      done(t(`cess.status.${c.status}` as MessageKey));
    },
    onError: failed,
  });
  const kind = user?.enterpriseKind;
  const p = preview.data;

  return (
    <div data-testid="page-cessations">
      <Typography.Title level={4}>{t('cess.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {regulator
          ? t('cess.hint.regulator')
          : kind === 'pipeline_gas'
            ? t('cess.hint.pipeline')
            : t('cess.hint.appliance')}
      </Typography.Paragraph>
      {message ? (
        <Alert
          type={message.ok ? 'success' : 'error'}
          showIcon
          message={message.text}
          closable
          onClose={() => setMessage(null)}
          style={{ marginBottom: 12 }}
          data-testid={message.ok ? 'cess-ok' : 'cess-error'}
        />
      ) : null}
      {regulator ? null : (
        <Card title={t('cess.new')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary">{t('cess.policy')}</Typography.Paragraph>
          <Form<CessationInput>
            form={form}
            layout="vertical"
            onFinish={(v) => file.mutate(v)}
            data-testid="cess-form"
          >
            <Form.Item name="ceasesOn" label={t('cess.ceasesOn')} rules={[{ required: true }]}>
              <Input type="date" data-testid="cess-date" />
            </Form.Item>
            {p ? (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                data-testid="cess-preview"
                message={t('cess.preview', {
                  applyBy: p.applyBy ?? t('cess.noApply'),
                  notifyBy: p.notifyBy,
                  orders: p.openOrders,
                  warranties: p.openWarranties,
                  customers: p.customers,
                })}
              />
            ) : null}
            <Form.Item name="service" label={t('cess.service')}>
              <Input />
            </Form.Item>
            <Form.Item name="reason" label={t('cess.reason')} rules={[{ required: true }]}>
              <Input data-testid="cess-reason" />
            </Form.Item>
            <Form.Item name="arrangements" label={t('cess.arrangements')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="cess-arrangements" />
            </Form.Item>
            <Form.Item name="successor" label={t('cess.successor')}>
              <Input data-testid="cess-successor" />
            </Form.Item>
            <Form.Item name="successorPhone" label={t('cess.successorPhone')}>
              <Input inputMode="tel" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={file.isPending} data-testid="cess-submit">
              {t('cess.file')}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t('cess.list')}>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<Cessation>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 760 }}
          data-testid="cess-table"
          expandable={{
            expandedRowRender: (c) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text>{c.reason}</Typography.Text>
                <Typography.Text type="secondary">{c.arrangements}</Typography.Text>
                {c.successor ? (
                  <Typography.Text>
                    {t('cess.successorLabel')}：{c.successor} {c.successorPhone}
                  </Typography.Text>
                ) : null}
                <Timeline
                  items={[
                    { children: `${formatShanghai(c.filedAt, false)} ${t('cess.filedBy')} ${c.filedBy}` },
                    ...c.steps.map((s) => ({
                      children: `${formatShanghai(s.at, false)} ${t(`cess.step.${s.step}` as MessageKey, {
                        n: s.notices,
                      })} ${s.by} ${s.note}`,
                    })),
                  ]}
                />
              </Space>
            ),
          }}
          columns={[
            ...(regulator ? [{ title: t('cess.col.enterprise'), dataIndex: 'enterpriseName' }] : []),
            { title: t('cess.col.clause'), dataIndex: 'clause' },
            { title: t('cess.col.ceasesOn'), dataIndex: 'ceasesOn' },
            { title: t('cess.col.applyBy'), render: (_, c) => c.applyBy ?? t('cess.noApply') },
            { title: t('cess.col.notifyBy'), dataIndex: 'notifyBy' },
            {
              title: t('cess.col.open'),
              render: (_, c) =>
                t('cess.col.openValue', {
                  orders: c.openOrders,
                  warranties: c.openWarranties,
                  customers: c.customers,
                }),
            },
            {
              title: t('cess.col.status'),
              render: (_, c) => (
                <>
                  <Tag color={STATUS_COLOR[c.status]} data-testid="cess-status">
                    {t(`cess.status.${c.status}` as MessageKey)}
                  </Tag>
                  {c.noticeOverdue ? <Tag color="red">{t('cess.noticeOverdue')}</Tag> : null}
                </>
              ),
            },
            {
              title: t('cess.col.actions'),
              render: (_, c) =>
                regulator ? (
                  c.status === 'awaiting_approval' ? (
                    <Space wrap>
                      <Button
                        size="small"
                        type="primary"
                        data-testid="cess-approve"
                        onClick={() => act.mutate({ c, step: 'approved' })}
                      >
                        {t('cess.approve')}
                      </Button>
                      <Button size="small" danger onClick={() => setRejecting(c)}>
                        {t('cess.reject')}
                      </Button>
                    </Space>
                  ) : null
                ) : c.status === 'filed' || c.status === 'approved' || c.status === 'awaiting_approval' ? (
                  <Space wrap>
                    {c.status !== 'awaiting_approval' ? (
                      <Popconfirm
                        title={t('cess.notifyConfirm')}
                        onConfirm={() => act.mutate({ c, step: 'notify' })}
                      >
                        <Button size="small" type="primary" data-testid="cess-notify">
                          {t('cess.notify')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                    <Button size="small" onClick={() => act.mutate({ c, step: 'withdraw' })}>
                      {t('cess.withdraw')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={rejecting !== null}
        title={t('cess.rejectReason')}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && act.mutate({ c: rejecting, step: 'rejected' })}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: act.isPending }}
        okText={t('cess.reject')}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </div>
  );
}
