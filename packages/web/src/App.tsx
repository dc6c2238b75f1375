import { Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './platform/auth/AuthContext.tsx';
import { LoginPage } from './platform/auth/LoginPage.tsx';
import { canOpen, landingPath, type RouteKey } from './platform/auth/permissions.ts';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { AppLayout } from './shell/layout/AppLayout.tsx';
import {
  AuditPage,
  BoardPage,
  CalendarPage,
  CataloguePage,
  NoticeBoardPage,
  NoticeDetailPage,
  NoticesPage,
  MetersPage,
  ReadingsPage,
  PricesPage,
  ConsolePage,
  CustomersPage,
  EnterprisesPage,
  ExpiringPage,
  HomePage,
  MeasurePage,
  InspectionsPage,
  WarrantiesPage,
  ShopPage,
  QualificationsPage,
  CessationsPage,
  InspectPage,
  GatewayKeysPage,
  CylindersPage,
  CylinderPage,
  FillingLinePage,
  DeliveriesPage,
  CylinderLookupPage,
  StationFillingPage,
  VehicleGasPage,
  QualityPage,
  EvaluationPage,
  CallsPage,
  SupervisionPage,
  HeatingPage,
  ImportPage,
  MyOrderPage,
  MyOrdersPage,
  OrderDetailPage,
  OwnEnterprisePage,
  StaffPage,
  UsersPage,
  ArrearsPage,
  BankImportPage,
  CounterPage,
  DisputesPage,
  OutboxPage,
  StatementPage,
  BillingRunsPage,
  BillsPage,
  BillDetailPage,
  ResidentAccountsPage,
  ResidentAccountPage,
  ResidentReportPage,
  ResidentOrdersPage,
  ResidentBookPage,
  ResidentOrderPage,
  PublicEnterprisesPage,
  PublicInfoPage,
  SignUpPage,
  EmergencyPage,
} from './pages.ts';

export const BRAND_BLUE = '#1f6fb2';

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, checking } = useAuth();
  const location = useLocation();
  if (checking)
    return (
      <div className="center-screen">
        <Spin size="large" />
      </div>
    );
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

function Page({ page, children }: { page: RouteKey; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useI18n();
  if (!user || !canOpen(user.role, page))
    return <Result status="403" title="403" subTitle={t('common.noPermission')} />;
  return <>{children}</>;
}

/** The home page; a resident's home is his accounts (the phone pages). */
function IndexPage() {
  const { user } = useAuth();
  return user?.role === 'resident' ? <Navigate to="/r/accounts" replace /> : <HomePage />;
}

function LoginRoute() {
  const { user, checking } = useAuth();
  if (checking) return null;
  return user ? <Navigate to={landingPath(user.role, user.enterpriseKind)} replace /> : <LoginPage />;
}

function Routed() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      {/* G-4.2.3, H-7.1.1: the service guide is public. */}
      <Route
        path="/catalogue"
        element={
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <CataloguePage standalone />
          </Suspense>
        }
      />
      {/* G-5.8.1: a resident signs himself up with his mobile. */}
      <Route
        path="/sign-up"
        element={
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <SignUpPage />
          </Suspense>
        }
      />
      {/* G-4.2.3, G-5.4.5, H-7.5.5: each enterprise's service information is public. */}
      <Route
        path="/info"
        element={
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <PublicEnterprisesPage />
          </Suspense>
        }
      />
      <Route
        path="/info/:id"
        element={
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <PublicInfoPage />
          </Suspense>
        }
      />
      {/* G-7.1.13: anyone may look a cylinder up by its code. */}
      <Route
        path="/cylinder-lookup"
        element={
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <CylinderLookupPage />
          </Suspense>
        }
      />
      {/* H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12: current notices are public. */}
      <Route
        path="/notice-board"
        element={
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <NoticeBoardPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<IndexPage />} />
        <Route
          path="console"
          element={
            <Page page="console">
              <ConsolePage />
            </Page>
          }
        />
        <Route
          path="board"
          element={
            <Page page="board">
              <BoardPage />
            </Page>
          }
        />
        <Route
          path="my"
          element={
            <Page page="my">
              <MyOrdersPage />
            </Page>
          }
        />
        <Route
          path="my/:id"
          element={
            <Page page="my">
              <MyOrderPage />
            </Page>
          }
        />
        <Route
          path="meters"
          element={
            <Page page="meters">
              <MetersPage />
            </Page>
          }
        />
        <Route
          path="readings"
          element={
            <Page page="readings">
              <ReadingsPage />
            </Page>
          }
        />
        <Route
          path="prices"
          element={
            <Page page="prices">
              <PricesPage />
            </Page>
          }
        />
        <Route
          path="notices"
          element={
            <Page page="notices">
              <NoticesPage />
            </Page>
          }
        />
        <Route
          path="notices/:id"
          element={
            <Page page="notice">
              <NoticeDetailPage />
            </Page>
          }
        />
        <Route
          path="orders/:id"
          element={
            <Page page="order">
              <OrderDetailPage />
            </Page>
          }
        />
        <Route
          path="customers"
          element={
            <Page page="customers">
              <CustomersPage />
            </Page>
          }
        />
        <Route
          path="customers/import"
          element={
            <Page page="customerImport">
              <ImportPage />
            </Page>
          }
        />
        <Route
          path="guide"
          element={
            <Page page="guide">
              <CataloguePage />
            </Page>
          }
        />
        <Route
          path="enterprises"
          element={
            <Page page="enterprises">
              <EnterprisesPage />
            </Page>
          }
        />
        <Route
          path="enterprise"
          element={
            <Page page="enterprise">
              <OwnEnterprisePage />
            </Page>
          }
        />
        <Route
          path="staff"
          element={
            <Page page="staff">
              <StaffPage />
            </Page>
          }
        />
        <Route
          path="certificates"
          element={
            <Page page="certificates">
              <ExpiringPage />
            </Page>
          }
        />
        <Route
          path="users"
          element={
            <Page page="users">
              <UsersPage />
            </Page>
          }
        />
        <Route
          path="calendar"
          element={
            <Page page="calendar">
              <CalendarPage />
            </Page>
          }
        />
        <Route
          path="audit"
          element={
            <Page page="audit">
              <AuditPage />
            </Page>
          }
        />
        <Route
          path="heating"
          element={
            <Page page="heating">
              <HeatingPage />
            </Page>
          }
        />
        <Route
          path="evaluation"
          element={
            <Page page="evaluation">
              <EvaluationPage />
            </Page>
          }
        />
        <Route
          path="calls"
          element={
            <Page page="calls">
              <CallsPage />
            </Page>
          }
        />
        <Route
          path="supervision"
          element={
            <Page page="supervision">
              <SupervisionPage />
            </Page>
          }
        />
        <Route
          path="quality"
          element={
            <Page page="quality">
              <QualityPage />
            </Page>
          }
        />
        <Route
          path="warranties"
          element={
            <Page page="warranties">
              <WarrantiesPage />
            </Page>
          }
        />
        <Route
          path="appliance-shop"
          element={
            <Page page="applianceShop">
              <ShopPage />
            </Page>
          }
        />
        <Route
          path="job-qualifications"
          element={
            <Page page="jobQualifications">
              <QualificationsPage />
            </Page>
          }
        />
        <Route
          path="cessations"
          element={
            <Page page="cessations">
              <CessationsPage />
            </Page>
          }
        />
        <Route
          path="inspections"
          element={
            <Page page="inspections">
              <InspectionsPage />
            </Page>
          }
        />
        <Route
          path="emergency"
          element={
            <Page page="emergency">
              <EmergencyPage />
            </Page>
          }
        />
        <Route
          path="cylinders"
          element={
            <Page page="cylinders">
              <CylindersPage />
            </Page>
          }
        />
        <Route
          path="cylinders/:code"
          element={
            <Page page="cylinder">
              <CylinderPage />
            </Page>
          }
        />
        <Route
          path="filling"
          element={
            <Page page="filling">
              <FillingLinePage />
            </Page>
          }
        />
        <Route
          path="vehicle-filling"
          element={
            <Page page="vgFilling">
              <StationFillingPage />
            </Page>
          }
        />
        <Route
          path="vehicle-gas"
          element={
            <Page page="vehicleGas">
              <VehicleGasPage />
            </Page>
          }
        />
        <Route
          path="deliveries"
          element={
            <Page page="deliveries">
              <DeliveriesPage />
            </Page>
          }
        />
        <Route
          path="inspect"
          element={
            <Page page="inspect">
              <InspectPage />
            </Page>
          }
        />
        <Route
          path="gateways"
          element={
            <Page page="gateways">
              <GatewayKeysPage />
            </Page>
          }
        />
        <Route
          path="measure"
          element={
            <Page page="measure">
              <MeasurePage />
            </Page>
          }
        />
        <Route
          path="counter"
          element={
            <Page page="counter">
              <CounterPage />
            </Page>
          }
        />
        <Route
          path="statement/:id"
          element={
            <Page page="statement">
              <StatementPage />
            </Page>
          }
        />
        <Route
          path="arrears"
          element={
            <Page page="arrears">
              <ArrearsPage />
            </Page>
          }
        />
        <Route
          path="bank-import"
          element={
            <Page page="bankImport">
              <BankImportPage />
            </Page>
          }
        />
        <Route
          path="disputes"
          element={
            <Page page="disputes">
              <DisputesPage />
            </Page>
          }
        />
        <Route
          path="outbox"
          element={
            <Page page="outbox">
              <OutboxPage />
            </Page>
          }
        />
        <Route
          path="billing"
          element={
            <Page page="billing">
              <BillingRunsPage />
            </Page>
          }
        />
        <Route
          path="bills"
          element={
            <Page page="bills">
              <BillsPage />
            </Page>
          }
        />
        <Route
          path="bills/:id"
          element={
            <Page page="bill">
              <BillDetailPage />
            </Page>
          }
        />
        <Route
          path="r/accounts"
          element={
            <Page page="resAccounts">
              <ResidentAccountsPage />
            </Page>
          }
        />
        <Route
          path="r/accounts/:id"
          element={
            <Page page="resAccount">
              <ResidentAccountPage />
            </Page>
          }
        />
        <Route
          path="r/report"
          element={
            <Page page="resReport">
              <ResidentReportPage />
            </Page>
          }
        />
        <Route
          path="r/orders"
          element={
            <Page page="resOrders">
              <ResidentOrdersPage />
            </Page>
          }
        />
        <Route
          path="r/book"
          element={
            <Page page="resBook">
              <ResidentBookPage />
            </Page>
          }
        />
        <Route
          path="r/orders/:id"
          element={
            <Page page="resOrder">
              <ResidentOrderPage />
            </Page>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: BRAND_BLUE, borderRadius: 6 } }}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Routed />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
