import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { Link } from 'react-router-dom';
import { ErrorAlert, errorText } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { resident, residentKeys, yuan, type BoundAccount } from './api.ts';
import { StepNoticesCard } from './StepNoticesCard.tsx';

type Pending = { id: string; sentTo: string; demoCode?: string };

/** Step 1: account number, holder's name, last four digits of the phone on file; step 2: the SMS code. */
function BindCard({ onBound }: { onBound: () => void }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  // One login binds accounts of any company: gas, heating, bottled gas (the login's own company first).
  const companies = useQuery({ queryKey: residentKeys.enterprises, queryFn: resident.enterprises });
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useMutation({
    mutationFn: resident.requestBinding,
    onSuccess: (r) => {
      setError(null);
      setPending(r);
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  const confirm = useMutation({
    mutationFn: (code: string) => resident.confirmBinding(pending!.id, code),
    onSuccess: (a) => {
      setPending(null);
      setError(null);
      message.success(t('res.bound', { no: a.accountNo }));
      onBound();
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  return (
    <Card size="small" title={t('res.bindTitle')} data-testid="bind-card">
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="bind-error" />
      ) : null}
      {!pending ? (
        <Form
          layout="vertical"
          onFinish={(v) => request.mutate(v)}
          requiredMark={false}
          initialValues={{ enterpriseId: user?.enterpriseId }}
        >
          <Form.Item name="enterpriseId" label={t('res.bindEnterprise')} extra={t('res.bindEnterpriseHelp')}>
            <Select
              data-testid="bind-enterprise"
              loading={companies.isLoading}
              options={(companies.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
          <Form.Item
            name="accountNo"
            label={t('res.accountNo')}
            rules={[{ required: true, message: t('res.required') }]}
          >
            <Input inputMode="text" autoComplete="off" data-testid="bind-account" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('res.holderName')}
            rules={[{ required: true, message: t('res.required') }]}
          >
            <Input autoComplete="off" data-testid="bind-name" />
          </Form.Item>
          <Form.Item
            name="phoneLast4"
            label={t('res.phoneLast4')}
            rules={[{ required: true, pattern: /^\d{4}$/, message: t('res.last4Rule') }]}
          >
            <Input inputMode="numeric" maxLength={4} data-testid="bind-last4" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={request.isPending} data-testid="bind-send">
            {t('res.sendCode')}
          </Button>
        </Form>
      ) : (
        <Form
          layout="vertical"
          onFinish={(v: { code: string }) => confirm.mutate(v.code)}
          requiredMark={false}
        >
          <Typography.Paragraph data-testid="bind-sent">
            {t('res.codeSent', { phone: pending.sentTo })}
          </Typography.Paragraph>
          {pending.demoCode ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('res.demoCode', { code: pending.demoCode })}
              data-testid="bind-demo-code"
            />
          ) : null}
          <Form.Item
            name="code"
            label={t('res.code')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('res.codeRule') }]}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="bind-code" />
          </Form.Item>
          <Space style={{ width: '100%' }} direction="vertical">
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={confirm.isPending}
              data-testid="bind-confirm"
            >
              {t('res.confirmBind')}
            </Button>
            <Button block onClick={() => setPending(null)}>
              {t('res.back')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}

function AccountCard({ a, onUnbind }: { a: BoundAccount; onUnbind: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      data-testid={`account-${a.accountNo}`}
      title={
        <Space wrap size={4}>
          <Tag color={a.sector === 'gas' ? 'blue' : 'orange'}>
            {t(a.sector === 'gas' ? 'res.gas' : 'res.heating')}
          </Tag>
          <span>{a.accountNo}</span>
          <Typography.Text type="secondary" data-testid="account-enterprise">
            {a.enterpriseName}
          </Typography.Text>
        </Space>
      }
      extra={
        <Popconfirm
          title={t('res.unbindConfirm')}
          onConfirm={onUnbind}
          okText={t('res.unbind')}
          cancelText={t('res.back')}
        >
          <Button size="small" type="link" danger data-testid="unbind">
            {t('res.unbind')}
          </Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {a.name} · {a.address ?? '—'}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('res.outstanding')}：
        <Typography.Text
          strong
          type={a.overdueFen > 0 ? 'danger' : undefined}
          data-testid="account-outstanding"
        >
          {yuan(a.outstandingFen)}
        </Typography.Text>
      </Typography.Paragraph>
      <Link to={`/r/accounts/${a.id}`} data-testid="account-open">
        <Button type="primary" block>
          {t('res.viewAccount')}
        </Button>
      </Link>
    </Card>
  );
}

/** My accounts (G-5.8.1, H-7.5.2): bound accounts first, then binding another. */
export function AccountsPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const accounts = useQuery({ queryKey: residentKeys.accounts, queryFn: resident.accounts });
  const notices = useQuery({ queryKey: residentKeys.notices, queryFn: resident.notices });
  const unbind = useMutation({
    mutationFn: resident.unbind,
    onSuccess: () => client.invalidateQueries({ queryKey: residentKeys.all }),
  });
  return (
    <div className="resident-page">
      <Typography.Title level={4}>{t('menu.resAccounts')}</Typography.Title>
      {accounts.error ? <ErrorAlert error={accounts.error} onRetry={() => accounts.refetch()} /> : null}
      {accounts.isLoading ? <Spin /> : null}
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <StepNoticesCard key="steps" />
        {/* G-6.2.12, H-6.4.5: outages and filling notices over my own addresses come first. */}
        {notices.data?.items.map((n) => (
          <Alert
            key={n.id}
            type="warning"
            showIcon
            data-testid="resident-notice"
            message={`${n.title}（${n.accountNo}）`}
            description={`${n.communities.join('、')} · ${formatShanghai(n.startsAt, false)}${
              n.expectedRestoreAt ? ` — ${formatShanghai(n.expectedRestoreAt, false)}` : ''
            }${n.safetyAdvice ? ` · ${n.safetyAdvice}` : ''}`}
          />
        ))}
        {accounts.data?.items.length === 0 ? <Alert type="info" message={t('res.noAccounts')} /> : null}
        {accounts.data?.items.map((a) => (
          <AccountCard key={a.id} a={a} onUnbind={() => unbind.mutate(a.id)} />
        ))}
        {/* A stable key: antd's Space keys unkeyed children by position, and the cards above arrive later. */}
        <BindCard key="bind" onBound={() => client.invalidateQueries({ queryKey: residentKeys.all })} />
      </Space>
    </div>
  );
}
