import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { BookOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useLocation } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LangSwitch } from '../../shell/layout/LangSwitch.tsx';
import { Logo } from '../../shell/layout/Logo.tsx';
import { useAuth } from './AuthContext.tsx';
import { landingPath } from './permissions.ts';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, lang } = useI18n();
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username.trim(), v.password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(
        from && from !== '/login' && from !== '/' ? from : landingPath(user.role, user.enterpriseKind),
        { replace: true },
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const locked = error instanceof ApiError && error.status === 423;
  const text = error instanceof ApiError ? error.text(lang) : error ? String(error) : '';

  return (
    <div className="login-page">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <div className="login-brand">
          <Logo size={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
        </div>
        {error ? (
          <Alert
            data-testid="login-error"
            type={locked ? 'warning' : 'error'}
            showIcon
            message={locked ? t('login.locked') : t('login.failed')}
            description={text}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <div className="login-guide">
          <Link to="/catalogue" data-testid="login-guide">
            <BookOutlined /> {t('login.guide')}
          </Link>
          <br />
          <Link to="/sign-up" data-testid="login-sign-up">
            <UserOutlined /> {t('login.signUp')}
          </Link>
          <br />
          <Link to="/info" data-testid="login-public-info">
            <BookOutlined /> {t('login.publicInfo')}
          </Link>
        </div>
      </Card>
    </div>
  );
}
