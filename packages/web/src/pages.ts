import { lazy } from 'react';

/** Route pages, loaded on demand so the first paint (login) stays light. */
export const HeatingPage = lazy(() =>
  import('./heating/HeatingPage.tsx').then((m) => ({ default: m.HeatingPage })),
);
export const HomePage = lazy(() =>
  import('./shell/home/HomePage.tsx').then((m) => ({ default: m.HomePage })),
);
export const EnterprisesPage = lazy(() =>
  import('./platform/enterprises/EnterprisesPage.tsx').then((m) => ({ default: m.EnterprisesPage })),
);
export const OwnEnterprisePage = lazy(() =>
  import('./platform/enterprises/OwnEnterprisePage.tsx').then((m) => ({ default: m.OwnEnterprisePage })),
);
export const StaffPage = lazy(() =>
  import('./platform/staff/StaffPage.tsx').then((m) => ({ default: m.StaffPage })),
);
export const ExpiringPage = lazy(() =>
  import('./platform/staff/ExpiringPage.tsx').then((m) => ({ default: m.ExpiringPage })),
);
export const UsersPage = lazy(() =>
  import('./platform/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
export const CalendarPage = lazy(() =>
  import('./platform/calendar/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })),
);
export const AuditPage = lazy(() =>
  import('./platform/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
export const ConsolePage = lazy(() =>
  import('./service/console/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })),
);
export const BoardPage = lazy(() =>
  import('./service/board/BoardPage.tsx').then((m) => ({ default: m.BoardPage })),
);
export const MyOrdersPage = lazy(() =>
  import('./service/mywork/MyOrdersPage.tsx').then((m) => ({ default: m.MyOrdersPage })),
);
export const MyOrderPage = lazy(() =>
  import('./service/mywork/MyOrderPage.tsx').then((m) => ({ default: m.MyOrderPage })),
);
export const OrderDetailPage = lazy(() =>
  import('./service/orders/OrderDetailPage.tsx').then((m) => ({ default: m.OrderDetailPage })),
);
export const CustomersPage = lazy(() =>
  import('./service/customers/CustomersPage.tsx').then((m) => ({ default: m.CustomersPage })),
);
export const ImportPage = lazy(() =>
  import('./service/customers/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
export const CataloguePage = lazy(() =>
  import('./service/catalogue/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })),
);
export const EvaluationPage = lazy(() =>
  import('./oversight/evaluation/EvaluationPage.tsx').then((m) => ({ default: m.EvaluationPage })),
);
export const QualityPage = lazy(() =>
  import('./heating/quality/QualityPage.tsx').then((m) => ({ default: m.QualityPage })),
);
export const MeasurePage = lazy(() =>
  import('./heating/quality/MeasurePage.tsx').then((m) => ({ default: m.MeasurePage })),
);
export const NoticesPage = lazy(() =>
  import('./service/notices/NoticesPage.tsx').then((m) => ({ default: m.NoticesPage })),
);
export const NoticeDetailPage = lazy(() =>
  import('./service/notices/NoticeDetailPage.tsx').then((m) => ({ default: m.NoticeDetailPage })),
);
export const NoticeBoardPage = lazy(() =>
  import('./public/NoticeBoardPage.tsx').then((m) => ({ default: m.NoticeBoardPage })),
);
export const CounterPage = lazy(() =>
  import('./money/payments/CounterPage.tsx').then((m) => ({ default: m.CounterPage })),
);
export const StatementPage = lazy(() =>
  import('./money/payments/StatementPage.tsx').then((m) => ({ default: m.StatementPage })),
);
export const ArrearsPage = lazy(() =>
  import('./money/payments/ArrearsPage.tsx').then((m) => ({ default: m.ArrearsPage })),
);
export const BankImportPage = lazy(() =>
  import('./money/payments/BankImportPage.tsx').then((m) => ({ default: m.BankImportPage })),
);
export const DisputesPage = lazy(() =>
  import('./money/payments/DisputesPage.tsx').then((m) => ({ default: m.DisputesPage })),
);
export const OutboxPage = lazy(() =>
  import('./platform/notifications/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })),
);
export const BillingRunsPage = lazy(() =>
  import('./gas/billing/BillingRunsPage.tsx').then((m) => ({ default: m.BillingRunsPage })),
);
export const BillsPage = lazy(() =>
  import('./gas/billing/BillsPage.tsx').then((m) => ({ default: m.BillsPage })),
);
export const BillDetailPage = lazy(() =>
  import('./gas/billing/BillDetailPage.tsx').then((m) => ({ default: m.BillDetailPage })),
);
export const MetersPage = lazy(() =>
  import('./gas/metering/MetersPage.tsx').then((m) => ({ default: m.MetersPage })),
);
export const ReadingsPage = lazy(() =>
  import('./gas/metering/ReadingsPage.tsx').then((m) => ({ default: m.ReadingsPage })),
);
export const PricesPage = lazy(() =>
  import('./gas/metering/PricesPage.tsx').then((m) => ({ default: m.PricesPage })),
);
export const SupervisionPage = lazy(() =>
  import('./oversight/supervision/SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })),
);
export const ResidentAccountsPage = lazy(() =>
  import('./residents/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })),
);
export const ResidentAccountPage = lazy(() =>
  import('./residents/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
);
export const ResidentReportPage = lazy(() =>
  import('./residents/ReportPage.tsx').then((m) => ({ default: m.ReportPage })),
);
export const ResidentBookPage = lazy(() =>
  import('./residents/BookPage.tsx').then((m) => ({ default: m.BookPage })),
);
export const ResidentOrdersPage = lazy(() =>
  import('./residents/OrdersPage.tsx').then((m) => ({ default: m.OrdersPage })),
);
export const ResidentOrderPage = lazy(() =>
  import('./residents/OrderPage.tsx').then((m) => ({ default: m.OrderPage })),
);
export const PublicEnterprisesPage = lazy(() =>
  import('./public/PublicInfoPage.tsx').then((m) => ({ default: m.PublicEnterprisesPage })),
);
export const PublicInfoPage = lazy(() =>
  import('./public/PublicInfoPage.tsx').then((m) => ({ default: m.PublicInfoPage })),
);
export const SignUpPage = lazy(() =>
  import('./residents/SignUpPage.tsx').then((m) => ({ default: m.SignUpPage })),
);
export const InspectionsPage = lazy(() =>
  import('./gas/inspections/InspectionsPage.tsx').then((m) => ({ default: m.InspectionsPage })),
);
export const InspectPage = lazy(() =>
  import('./gas/inspections/InspectPage.tsx').then((m) => ({ default: m.InspectPage })),
);
export const CallsPage = lazy(() =>
  import('./service/calls/CallsPage.tsx').then((m) => ({ default: m.CallsPage })),
);
export const WarrantiesPage = lazy(() =>
  import('./gas/appliances/WarrantiesPage.tsx').then((m) => ({ default: m.WarrantiesPage })),
);
export const ShopPage = lazy(() =>
  import('./gas/appliances/ShopPage.tsx').then((m) => ({ default: m.ShopPage })),
);
export const QualificationsPage = lazy(() =>
  import('./gas/appliances/QualificationsPage.tsx').then((m) => ({ default: m.QualificationsPage })),
);
export const GatewayKeysPage = lazy(() =>
  import('./heating/gateway-keys/GatewayKeysPage.tsx').then((m) => ({ default: m.GatewayKeysPage })),
);
export const EmergencyPage = lazy(() =>
  import('./emergency/EmergencyPage.tsx').then((m) => ({ default: m.EmergencyPage })),
);
export const CylindersPage = lazy(() =>
  import('./gas/cylinders/CylindersPage.tsx').then((m) => ({ default: m.CylindersPage })),
);
export const CylinderPage = lazy(() =>
  import('./gas/cylinders/CylinderPage.tsx').then((m) => ({ default: m.CylinderPage })),
);
export const FillingLinePage = lazy(() =>
  import('./gas/cylinders/FillingLinePage.tsx').then((m) => ({ default: m.FillingLinePage })),
);
export const StationFillingPage = lazy(() =>
  import('./gas/vehicle-gas/StationFillingPage.tsx').then((m) => ({ default: m.StationFillingPage })),
);
export const VehicleGasPage = lazy(() =>
  import('./gas/vehicle-gas/VehicleGasPage.tsx').then((m) => ({ default: m.VehicleGasPage })),
);
export const DeliveriesPage = lazy(() =>
  import('./gas/cylinders/DeliveriesPage.tsx').then((m) => ({ default: m.DeliveriesPage })),
);
export const CylinderLookupPage = lazy(() =>
  import('./public/CylinderLookupPage.tsx').then((m) => ({ default: m.CylinderLookupPage })),
);
export const CessationsPage = lazy(() =>
  import('./oversight/cessations/CessationsPage.tsx').then((m) => ({ default: m.CessationsPage })),
);
