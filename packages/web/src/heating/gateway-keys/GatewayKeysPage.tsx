import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { applyServerErrors, ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { gatewayKeys, type GatewayKey, type GatewayKeyInput, type IssuedGatewayKey } from './gatewayKeys.ts';

const KEY = ['gateway-keys'] as const;

/** /gateways — the enterprise admin issues (shown once) and revokes his heating gateways' keys (H-5.4.1). */
export function GatewayKeysPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<GatewayKeyInput>();
  const [issued, setIssued] = useState<IssuedGatewayKey | null>(null);
  const list = useQuery({ queryKey: KEY, queryFn: gatewayKeys.list });
  const issue = useMutation({
    mutationFn: gatewayKeys.issue,
    onSuccess: (k) => {
      setIssued(k);
      form.resetFields();
      void queries.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['gateway', 'name'], { GATEWAY_KEY_EXISTS: 'gateway' });
      if (text) message.error(text);
    },
  });
  const revoke = useMutation({
    mutationFn: gatewayKeys.revoke,
    onSuccess: () => {
      message.success(t('gw.revokedOk'));
      void queries.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  return (
    <div data-testid="page-gateways">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.gateways')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('gw.intro')}</Typography.Paragraph>
      <Card size="small" title={t('gw.issueTitle')} style={{ marginBottom: 12 }}>
        <Form form={form} layout="inline" onFinish={(v) => issue.mutate(v)} style={{ rowGap: 8 }}>
          <Form.Item
            name="gateway"
            label={t('gw.gateway')}
            tooltip={t('gw.gatewayHelp')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,64}$/, message: t('gw.gatewayHelp') }]}
          >
            <Input style={{ width: 180 }} placeholder="station-01" data-testid="gw-gateway" />
          </Form.Item>
          <Form.Item name="name" label={t('gw.name')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 220 }} data-testid="gw-name" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<KeyOutlined />}
            loading={issue.isPending}
            data-testid="gw-issue"
          >
            {t('gw.issue')}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<GatewayKey>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('gw.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={false}
        onRow={(k) => ({ 'data-testid': `gw-row-${k.gateway}` }) as object}
        columns={[
          { title: t('gw.gateway'), dataIndex: 'gateway' },
          { title: t('gw.name'), dataIndex: 'name' },
          { title: t('gw.prefix'), dataIndex: 'keyPrefix', render: (p: string) => <code>{p}…</code> },
          { title: t('gw.created'), key: 'created', render: (_, k) => formatShanghai(k.createdAt, false) },
          {
            title: t('gw.lastUsed'),
            key: 'used',
            render: (_, k) => (k.lastUsedAt ? formatShanghai(k.lastUsedAt, false) : '—'),
          },
          {
            title: t('gw.status'),
            key: 'status',
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{`${t('gw.revoked')} ${formatShanghai(k.revokedAt, false)}`}</Tag>
              ) : (
                <Tag color="green">{t('gw.active')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, k) =>
              k.revokedAt ? null : (
                <Popconfirm title={t('gw.revokeConfirm')} onConfirm={() => revoke.mutate(k.id)}>
                  <Button size="small" danger data-testid="gw-revoke">
                    {t('gw.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={issued !== null}
        title={t('gw.issuedTitle')}
        onCancel={() => setIssued(null)}
        onOk={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {issued ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon message={t('gw.issuedWarn')} />
            <Typography.Paragraph copyable={{ text: issued.key }} style={{ marginBottom: 0 }}>
              <code data-testid="gw-issued-key" style={{ wordBreak: 'break-all' }}>
                {issued.key}
              </code>
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('gw.http')} <code>Authorization: Bearer {issued.keyPrefix}…</code>
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('gw.mqtt')} <code style={{ wordBreak: 'break-all' }}>{issued.topic}</code>
            </Typography.Text>
            <Typography.Text type="secondary">{t('gw.mqttPayload')}</Typography.Text>
          </Space>
        ) : null}
      </Modal>
    </div>
  );
}
