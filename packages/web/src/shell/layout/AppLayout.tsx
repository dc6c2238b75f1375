import { Suspense, useState } from 'react';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { NoticeAlert } from '../../platform/calendar/NoticeAlert.tsx';
import { useAuth, useUser } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { PageKey } from '../../platform/auth/permissions.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { Logo } from './Logo.tsx';
import { menuItemsFor, pageForPath, PAGE_PATHS } from './menuItems.tsx';
import { PasswordModal } from './PasswordModal.tsx';

export function AppLayout() {
  const { t } = useI18n();
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);

  const selected = pageForPath(location.pathname);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={menuItemsFor(user, t)}
      onClick={({ key }) => {
        navigate(PAGE_PATHS[key as PageKey]);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const brand = (small: boolean) => (
    <div className="brand" onClick={() => navigate('/')}>
      <Logo size={28} />
      {small ? null : <span className="brand-name">{t('app.name')}</span>}
    </div>
  );

  const userMenu = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') setPwOpen(true);
      if (key === 'logout') void logout().then(() => navigate('/login', { replace: true }));
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={240}
          title={brand(false)}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          width={220}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          className="app-sider"
        >
          {brand(collapsed)}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Space size={8} style={{ minWidth: 0 }}>
            {isMobile ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
                data-testid="menu-toggle"
                aria-label="menu"
              />
            ) : null}
            {isMobile ? brand(false) : null}
            {!isMobile && user.enterpriseName ? (
              <span className="header-org" title={user.enterpriseName}>
                {user.enterpriseName}
              </span>
            ) : null}
          </Space>
          <Space size={isMobile ? 0 : 8}>
            <Tag color="blue" data-testid="current-role" style={{ marginInlineEnd: 0 }}>
              {t(`role.${user.role}`)}
            </Tag>
            <LangSwitch />
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                {isMobile ? null : user.displayName}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <NoticeAlert />
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <PasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}
