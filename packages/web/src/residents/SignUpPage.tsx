import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { http, ok } from '../api/client.ts';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { errorText } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { LangSwitch } from '../shell/layout/LangSwitch.tsx';
import { Logo } from '../shell/layout/Logo.tsx';

type Sent = { id: string; sentTo: string; demoCode?: string };

/** A resident signs himself up with his mobile and an SMS code (G-5.8.1), then binds his accounts. */
export function SignUpPage() {
  const { t, lang } = useI18n();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [sent, setSent] = useState<Sent | null>(null);
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const enterprises = useQuery({
    queryKey: ['public', 'enterprises'],
    queryFn: () => ok(http.GET('/api/public/enterprises')),
  });
  const request = useMutation({
    mutationFn: (v: { enterpriseId: string; phone: string }) =>
      ok(http.POST('/api/public/residents/sign-up', { body: v })),
    onSuccess: (r, v) => {
      setError(null);
      setPhone(v.phone);
      setSent(r);
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  const confirm = useMutation({
    mutationFn: async (v: { code: string; displayName: string; password: string }) => {
      const done = await ok(
        http.POST('/api/public/residents/sign-up/{id}/confirm', {
          params: { path: { id: sent!.id } },
          body: v,
        }),
      );
      return login(done.username, v.password);
    },
    onSuccess: () => navigate('/r/accounts', { replace: true }),
    onError: (e) => setError(errorText(e, lang)),
  });
  return (
    <div className="public-page">
      <header className="public-header">
        <Link to="/login" className="brand" style={{ padding: 0, height: 'auto' }}>
          <Logo size={28} />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <LangSwitch />
      </header>
      <div className="resident-page">
        <Card title={t('su.title')} data-testid="signup-card">
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
          {!sent ? (
            <Form layout="vertical" requiredMark={false} onFinish={(v) => request.mutate(v)}>
              <Form.Item
                name="enterpriseId"
                label={t('su.enterprise')}
                rules={[{ required: true, message: t('res.required') }]}
              >
                <Select
                  data-testid="signup-enterprise"
                  loading={enterprises.isLoading}
                  options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
                />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('su.phone')}
                rules={[{ required: true, pattern: /^1\d{10}$/, message: t('su.phoneRule') }]}
              >
                <Input inputMode="tel" maxLength={11} data-testid="signup-phone" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={request.isPending}
                data-testid="signup-send"
              >
                {t('res.sendCode')}
              </Button>
            </Form>
          ) : (
            <Form layout="vertical" requiredMark={false} onFinish={(v) => confirm.mutate(v)}>
              <Typography.Paragraph>{t('su.sent', { phone: sent.sentTo })}</Typography.Paragraph>
              {sent.demoCode ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={t('res.demoCode', { code: sent.demoCode })}
                  data-testid="signup-demo-code"
                />
              ) : null}
              <Form.Item
                name="code"
                label={t('res.code')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('res.codeRule') }]}
              >
                <Input
                  inputMode="numeric"
                  maxLength={6}
                  autoComplete="one-time-code"
                  data-testid="signup-code"
                />
              </Form.Item>
              <Form.Item
                name="displayName"
                label={t('su.name')}
                rules={[{ required: true, message: t('res.required') }]}
              >
                <Input data-testid="signup-name" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('su.password')}
                extra={t('su.passwordRule')}
                rules={[{ required: true, min: 8, message: t('su.passwordRule') }]}
              >
                <Input.Password autoComplete="new-password" data-testid="signup-password" />
              </Form.Item>
              <Typography.Paragraph type="secondary">{t('su.username', { phone })}</Typography.Paragraph>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={confirm.isPending}
                data-testid="signup-confirm"
              >
                {t('su.create')}
              </Button>
            </Form>
          )}
          <div style={{ marginTop: 12 }}>
            <Link to="/login">{t('su.haveLogin')}</Link>
          </div>
        </Card>
      </div>
    </div>
  );
}
