import { lazy } from 'react';

/** Route pages, loaded on demand so the first paint (login) stays light. */
export const HeatingPage = lazy(() =>
  import('./heating/HeatingPage.tsx').then((m) => ({ default: m.HeatingPage })),
);
export const HomePage = lazy(() => import('./home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
export const EnterprisesPage = lazy(() =>
  import('./enterprises/EnterprisesPage.tsx').then((m) => ({ default: m.EnterprisesPage })),
);
export const OwnEnterprisePage = lazy(() =>
  import('./enterprises/OwnEnterprisePage.tsx').then((m) => ({ default: m.OwnEnterprisePage })),
);
export const StaffPage = lazy(() => import('./staff/StaffPage.tsx').then((m) => ({ default: m.StaffPage })));
export const ExpiringPage = lazy(() =>
  import('./staff/ExpiringPage.tsx').then((m) => ({ default: m.ExpiringPage })),
);
export const UsersPage = lazy(() => import('./users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
export const CalendarPage = lazy(() =>
  import('./calendar/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })),
);
export const AuditPage = lazy(() => import('./audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
export const ConsolePage = lazy(() =>
  import('./console/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })),
);
export const BoardPage = lazy(() => import('./board/BoardPage.tsx').then((m) => ({ default: m.BoardPage })));
export const MyOrdersPage = lazy(() =>
  import('./mywork/MyOrdersPage.tsx').then((m) => ({ default: m.MyOrdersPage })),
);
export const MyOrderPage = lazy(() =>
  import('./mywork/MyOrderPage.tsx').then((m) => ({ default: m.MyOrderPage })),
);
export const OrderDetailPage = lazy(() =>
  import('./orders/OrderDetailPage.tsx').then((m) => ({ default: m.OrderDetailPage })),
);
export const CustomersPage = lazy(() =>
  import('./customers/CustomersPage.tsx').then((m) => ({ default: m.CustomersPage })),
);
export const ImportPage = lazy(() =>
  import('./customers/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
export const CataloguePage = lazy(() =>
  import('./catalogue/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })),
);
export const EvaluationPage = lazy(() =>
  import('./evaluation/EvaluationPage.tsx').then((m) => ({ default: m.EvaluationPage })),
);
export const QualityPage = lazy(() =>
  import('./quality/QualityPage.tsx').then((m) => ({ default: m.QualityPage })),
);
export const MeasurePage = lazy(() =>
  import('./quality/MeasurePage.tsx').then((m) => ({ default: m.MeasurePage })),
);
export const NoticesPage = lazy(() =>
  import('./notices/NoticesPage.tsx').then((m) => ({ default: m.NoticesPage })),
);
export const NoticeDetailPage = lazy(() =>
  import('./notices/NoticeDetailPage.tsx').then((m) => ({ default: m.NoticeDetailPage })),
);
export const NoticeBoardPage = lazy(() =>
  import('./notices/NoticeBoardPage.tsx').then((m) => ({ default: m.NoticeBoardPage })),
);
export const CounterPage = lazy(() =>
  import('./payments/CounterPage.tsx').then((m) => ({ default: m.CounterPage })),
);
export const StatementPage = lazy(() =>
  import('./payments/StatementPage.tsx').then((m) => ({ default: m.StatementPage })),
);
export const ArrearsPage = lazy(() =>
  import('./payments/ArrearsPage.tsx').then((m) => ({ default: m.ArrearsPage })),
);
export const BankImportPage = lazy(() =>
  import('./payments/BankImportPage.tsx').then((m) => ({ default: m.BankImportPage })),
);
export const DisputesPage = lazy(() =>
  import('./payments/DisputesPage.tsx').then((m) => ({ default: m.DisputesPage })),
);
export const OutboxPage = lazy(() =>
  import('./notifications/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })),
);
export const BillingRunsPage = lazy(() =>
  import('./billing/BillingRunsPage.tsx').then((m) => ({ default: m.BillingRunsPage })),
);
export const BillsPage = lazy(() =>
  import('./billing/BillsPage.tsx').then((m) => ({ default: m.BillsPage })),
);
export const BillDetailPage = lazy(() =>
  import('./billing/BillDetailPage.tsx').then((m) => ({ default: m.BillDetailPage })),
);
export const MetersPage = lazy(() =>
  import('./metering/MetersPage.tsx').then((m) => ({ default: m.MetersPage })),
);
export const ReadingsPage = lazy(() =>
  import('./metering/ReadingsPage.tsx').then((m) => ({ default: m.ReadingsPage })),
);
export const PricesPage = lazy(() =>
  import('./metering/PricesPage.tsx').then((m) => ({ default: m.PricesPage })),
);
export const SupervisionPage = lazy(() =>
  import('./oversight/SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })),
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
  import('./residents/PublicInfoPage.tsx').then((m) => ({ default: m.PublicEnterprisesPage })),
);
export const PublicInfoPage = lazy(() =>
  import('./residents/PublicInfoPage.tsx').then((m) => ({ default: m.PublicInfoPage })),
);
export const SignUpPage = lazy(() =>
  import('./residents/SignUpPage.tsx').then((m) => ({ default: m.SignUpPage })),
);
export const InspectionsPage = lazy(() =>
  import('./inspections/InspectionsPage.tsx').then((m) => ({ default: m.InspectionsPage })),
);
export const InspectPage = lazy(() =>
  import('./inspections/InspectPage.tsx').then((m) => ({ default: m.InspectPage })),
);
export const CallsPage = lazy(() => import('./calls/CallsPage.tsx').then((m) => ({ default: m.CallsPage })));
export const WarrantiesPage = lazy(() =>
  import('./appliances/WarrantiesPage.tsx').then((m) => ({ default: m.WarrantiesPage })),
);
export const ShopPage = lazy(() =>
  import('./appliances/ShopPage.tsx').then((m) => ({ default: m.ShopPage })),
);
export const QualificationsPage = lazy(() =>
  import('./appliances/QualificationsPage.tsx').then((m) => ({ default: m.QualificationsPage })),
);
export const GatewayKeysPage = lazy(() =>
  import('./gateway-keys/GatewayKeysPage.tsx').then((m) => ({ default: m.GatewayKeysPage })),
);
export const EmergencyPage = lazy(() =>
  import('./emergency/EmergencyPage.tsx').then((m) => ({ default: m.EmergencyPage })),
);
export const CylindersPage = lazy(() =>
  import('./cylinders/CylindersPage.tsx').then((m) => ({ default: m.CylindersPage })),
);
export const CylinderPage = lazy(() =>
  import('./cylinders/CylinderPage.tsx').then((m) => ({ default: m.CylinderPage })),
);
export const FillingLinePage = lazy(() =>
  import('./cylinders/FillingLinePage.tsx').then((m) => ({ default: m.FillingLinePage })),
);
export const StationFillingPage = lazy(() =>
  import('./vehicle-gas/StationFillingPage.tsx').then((m) => ({ default: m.StationFillingPage })),
);
export const VehicleGasPage = lazy(() =>
  import('./vehicle-gas/VehicleGasPage.tsx').then((m) => ({ default: m.VehicleGasPage })),
);
export const DeliveriesPage = lazy(() =>
  import('./cylinders/DeliveriesPage.tsx').then((m) => ({ default: m.DeliveriesPage })),
);
export const CylinderLookupPage = lazy(() =>
  import('./cylinders/CylinderLookupPage.tsx').then((m) => ({ default: m.CylinderLookupPage })),
);
export const CessationsPage = lazy(() =>
  import('./cessations/CessationsPage.tsx').then((m) => ({ default: m.CessationsPage })),
);
