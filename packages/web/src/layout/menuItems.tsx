import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  AlertOutlined,
  CheckSquareOutlined,
  KeyOutlined,
  SafetyOutlined,
  CalculatorOutlined,
  FileTextOutlined,
  MailOutlined,
  PayCircleOutlined,
  AuditOutlined,
  NotificationOutlined,
  DashboardFilled,
  FormOutlined,
  ImportOutlined,
  MoneyCollectOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FireOutlined,
  FundOutlined,
  IdcardOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  WalletOutlined,
  WarningOutlined,
  PhoneOutlined,
  ThunderboltOutlined,
  DatabaseOutlined,
  ScanOutlined,
} from '@ant-design/icons';
import { pagesForUser, type PageKey } from '../auth/permissions.ts';
import type { User } from '../api/types.ts';
import type { Translate } from '../i18n/index.tsx';

export const PAGE_PATHS: Record<PageKey, string> = {
  billing: '/billing',
  bills: '/bills',
  counter: '/counter',
  arrears: '/arrears',
  bankImport: '/bank-import',
  disputes: '/disputes',
  outbox: '/outbox',
  home: '/',
  console: '/console',
  board: '/board',
  my: '/my',
  customers: '/customers',
  guide: '/guide',
  enterprises: '/enterprises',
  enterprise: '/enterprise',
  staff: '/staff',
  certificates: '/certificates',
  users: '/users',
  calendar: '/calendar',
  audit: '/audit',
  notices: '/notices',
  meters: '/meters',
  readings: '/readings',
  prices: '/prices',
  quality: '/quality',
  evaluation: '/evaluation',
  supervision: '/supervision',
  heating: '/heating',
  measure: '/measure',
  resAccounts: '/r/accounts',
  resReport: '/r/report',
  resOrders: '/r/orders',
  inspections: '/inspections',
  inspect: '/inspect',
  calls: '/calls',
  warranties: '/warranties',
  gateways: '/gateways',
  emergency: '/emergency',
  cylinders: '/cylinders',
  filling: '/filling',
  applianceShop: '/appliance-shop',
  jobQualifications: '/job-qualifications',
};

const ICONS: Record<PageKey, ReactNode> = {
  billing: <CalculatorOutlined />,
  bills: <FileTextOutlined />,
  counter: <PayCircleOutlined />,
  arrears: <AlertOutlined />,
  bankImport: <ImportOutlined />,
  disputes: <DashboardOutlined />,
  outbox: <MailOutlined />,
  home: <DashboardOutlined />,
  console: <CustomerServiceOutlined />,
  board: <ProjectOutlined />,
  my: <ToolOutlined />,
  customers: <ContactsOutlined />,
  guide: <BookOutlined />,
  enterprises: <BankOutlined />,
  enterprise: <ShopOutlined />,
  staff: <TeamOutlined />,
  certificates: <SafetyCertificateOutlined />,
  users: <IdcardOutlined />,
  calendar: <CalendarOutlined />,
  audit: <AuditOutlined />,
  notices: <NotificationOutlined />,
  meters: <DashboardFilled />,
  readings: <FormOutlined />,
  prices: <MoneyCollectOutlined />,
  quality: <FireOutlined />,
  evaluation: <TrophyOutlined />,
  supervision: <AlertOutlined />,
  heating: <FundOutlined />,
  measure: <ExperimentOutlined />,
  resAccounts: <WalletOutlined />,
  resReport: <WarningOutlined />,
  resOrders: <UnorderedListOutlined />,
  inspections: <SafetyOutlined />,
  inspect: <CheckSquareOutlined />,
  calls: <PhoneOutlined />,
  warranties: <SafetyCertificateOutlined />,
  gateways: <KeyOutlined />,
  emergency: <ThunderboltOutlined />,
  cylinders: <DatabaseOutlined />,
  filling: <ScanOutlined />,
  applianceShop: <ShopOutlined />,
  jobQualifications: <IdcardOutlined />,
};

type MenuItem = NonNullable<MenuProps['items']>[number];

/** Menu items for a user (role and enterprise kind); each <li> carries data-testid="menu-<key>". */
export function menuItemsFor(user: Pick<User, 'role' | 'enterpriseKind'>, t: Translate): MenuItem[] {
  return pagesForUser(user).map(
    (key) =>
      ({
        key,
        icon: ICONS[key],
        label: t(`menu.${key}`),
        'data-testid': `menu-${key}`,
      }) as MenuItem,
  );
}

/** Which menu key is active for a pathname; none for pages outside the menu (an order's detail). */
export function pageForPath(pathname: string): PageKey | null {
  if (pathname === '/') return 'home';
  const entry = (Object.entries(PAGE_PATHS) as [PageKey, string][]).find(
    ([, p]) => p !== '/' && (pathname === p || pathname.startsWith(`${p}/`)),
  );
  return entry ? entry[0] : null;
}
