/**
 * Demo data for Zibo (淄博市, area code 0533). Every company here is FICTIONAL and named 示范 ("demo") so that nobody
 * mistakes it for a real one; phone numbers, addresses, credit codes and certificate numbers are made up. Only the
 * regulator, 淄博市住房和城乡建设局, is real (it issues the two service standards); its numbers here are demo values too.
 */
import type { Role } from '../core/actor.ts';
import type { ServicePoint } from '../db/schema.ts';

export const DEMO_PASSWORD = 'Ranre@2026';

export type DemoEnterprise = {
  key: string;
  name: string;
  kind: string;
  /** The first 17 characters of the credit code; the check character is computed (GB 32100). */
  creditBody: string;
  hotline: string;
  address: string;
  servicePoints: ServicePoint[];
  /** Badge number prefix. */
  badge: string;
  /** Named people first (the demo logins' own staff records), then generated ones up to `staffCount`. */
  people: { name: string; post: string }[];
  posts: string[];
  staffCount: number;
};

/** The regulator's complaint line, printed on every company's notices as the supervision phone (demo number). */
export const SUPERVISION_PHONE = '0533-3186000';

const ALL_DAY = '全天 24 小时';
const WEEK = '周一至周日 8:30-17:30';
const WORKDAYS = '工作日 9:00-12:00，13:00-17:00';

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    key: 'regulator',
    name: '淄博市住房和城乡建设局',
    kind: 'regulator',
    creditBody: '11370300DEM000001',
    hotline: '12345',
    address: '淄博市张店区人民西路 199 号（演示地址）',
    servicePoints: [
      { name: '燃气热力监管科受理窗口', address: '张店区人民西路 199 号 3 楼', hours: WORKDAYS },
    ],
    badge: 'JG',
    people: [],
    posts: [],
    staffCount: 0,
  },
  {
    key: 'gas',
    name: '淄博示范燃气有限公司',
    kind: 'pipeline_gas',
    creditBody: '91370303MA3DEM001',
    hotline: '0533-2961000',
    address: '淄博市张店区柳泉路 166 号',
    servicePoints: [
      { name: '张店营业厅', address: '张店区共青团西路 58 号', hours: WEEK },
      { name: '高新区营业厅', address: '高新区鲁泰大道 21 号', hours: WORKDAYS },
      { name: '24 小时抢修值班室', address: '张店区柳泉路 166 号', hours: ALL_DAY, takesPayments: false },
    ],
    badge: 'RQ',
    people: [
      { name: '赵立新', post: '客服主管' },
      { name: '孙晓燕', post: '客服坐席' },
      { name: '李国栋', post: '调度员' },
      { name: '王海涛', post: '维修工' },
      { name: '张志强', post: '安检员' },
      { name: '刘芳', post: '收费员' },
    ],
    posts: ['客服坐席', '维修工', '安检员', '抄表员', '抢修班长', '调度员', '收费员'],
    staffCount: 15,
  },
  {
    key: 'gas2',
    name: '淄博临淄示范管道燃气有限公司',
    kind: 'pipeline_gas',
    creditBody: '91370305MA3DEM002',
    hotline: '0533-7162000',
    address: '淄博市临淄区桓公路 88 号',
    servicePoints: [
      { name: '临淄营业厅', address: '临淄区齐都路 120 号', hours: WEEK },
      { name: '抢修中心', address: '临淄区桓公路 88 号', hours: ALL_DAY, takesPayments: false },
    ],
    badge: 'LZ',
    people: [],
    posts: ['客服坐席', '维修工', '安检员', '调度员', '抄表员', '收费员'],
    staffCount: 10,
  },
  {
    key: 'lpg',
    name: '淄博示范液化气有限公司',
    kind: 'bottled_gas',
    creditBody: '91370302MA3DEM003',
    hotline: '0533-5163000',
    address: '淄博市淄川区般阳路 31 号',
    servicePoints: [
      { name: '淄川充装站', address: '淄川区经济开发区昆仑路 9 号', hours: '每日 7:30-18:00' },
      { name: '松龄路供应站', address: '淄川区松龄路 75 号', hours: WEEK },
    ],
    badge: 'YH',
    people: [{ name: '徐国庆', post: '站长' }],
    posts: ['充装工', '送气工', '安检员', '客服坐席', '安全员'],
    staffCount: 9,
  },
  {
    key: 'cng',
    name: '淄博示范车用燃气有限公司',
    kind: 'vehicle_gas',
    creditBody: '91370306MA3DEM004',
    hotline: '0533-6164000',
    address: '淄博市周村区正阳路 210 号',
    servicePoints: [{ name: '正阳路加气站', address: '周村区正阳路 210 号', hours: ALL_DAY }],
    badge: 'CQ',
    people: [
      { name: '孔祥瑞', post: '站长' },
      { name: '韩立军', post: '加气工' },
    ],
    posts: ['加气工', '站长', '安全员', '收费员'],
    staffCount: 8,
  },
  {
    key: 'appliance',
    name: '淄博示范燃气具安装服务有限公司',
    kind: 'appliance',
    creditBody: '91370303MA3DEM005',
    hotline: '0533-2165000',
    address: '淄博市张店区华光路 45 号',
    servicePoints: [{ name: '华光路门店', address: '张店区华光路 45 号', hours: '周一至周日 8:00-18:00' }],
    badge: 'RJ',
    people: [
      { name: '钱立华', post: '客服主管' },
      { name: '孙志刚', post: '安装工' },
      { name: '马晓峰', post: '质检员' },
    ],
    posts: ['安装工', '维修工', '客服坐席', '质检员'],
    staffCount: 6,
  },
  {
    key: 'heat',
    name: '淄博示范热力有限公司',
    kind: 'heating',
    creditBody: '91370303MA3DEM006',
    hotline: '0533-2166000',
    address: '淄博市张店区金晶大道 100 号',
    servicePoints: [
      {
        name: '张店供热服务大厅',
        address: '张店区金晶大道 100 号',
        hours: '供暖期 全天 24 小时；非供暖期 工作日 8:30-17:00',
      },
      { name: '东部客服站', address: '张店区华光路 310 号', hours: WEEK },
      { name: '文昌湖服务点', address: '文昌湖省级旅游度假区商家大道 6 号', hours: WORKDAYS },
    ],
    badge: 'RL',
    people: [
      { name: '周建平', post: '客服主管' },
      { name: '吴丽娜', post: '客服坐席' },
      { name: '郑浩然', post: '调度员' },
      { name: '马振华', post: '维修工' },
    ],
    posts: ['客服坐席', '维修工', '测温员', '换热站运行工', '司炉工', '管网巡线工', '收费员'],
    staffCount: 14,
  },
  {
    key: 'heat2',
    name: '淄博博山示范供热有限公司',
    kind: 'heating',
    creditBody: '91370304MA3DEM007',
    hotline: '0533-4167000',
    address: '淄博市博山区中心路 52 号',
    servicePoints: [
      { name: '博山供热营业厅', address: '博山区中心路 52 号', hours: WEEK },
      { name: '热源厂值班室', address: '博山区域城镇 3 号', hours: ALL_DAY, takesPayments: false },
    ],
    badge: 'BS',
    people: [],
    posts: ['客服坐席', '司炉工', '维修工', '测温员', '收费员'],
    staffCount: 8,
  },
  {
    key: 'reseller',
    name: '淄博高新区示范热力销售有限公司',
    kind: 'heating_reseller',
    creditBody: '91370303MA3DEM008',
    hotline: '0533-3168000',
    address: '淄博市高新区青龙山路 17 号',
    servicePoints: [{ name: '高新区客服中心', address: '高新区青龙山路 17 号', hours: WEEK }],
    badge: 'GX',
    people: [],
    posts: ['客服坐席', '维修工', '测温员', '维修工', '收费员'],
    staffCount: 8,
  },
];

/** Qualification certificates by post (G-5.6.1, G-9.2.2); validity in years. Issuers are the usual authorities. */
const GAS_LICENCE = {
  name: '燃气经营企业从业人员专业培训考核合格证明',
  issuer: '山东省住房和城乡建设厅',
  years: 3,
  tag: 'RQ',
};
const CYLINDER = {
  name: '特种设备作业人员证（气瓶充装 P）',
  issuer: '淄博市市场监督管理局',
  years: 4,
  tag: 'TP',
};
const APPLIANCE = {
  name: '燃气燃烧器具安装维修人员培训合格证',
  issuer: '山东省燃气热力协会',
  years: 3,
  tag: 'RJ',
};
const ELECTRICIAN = {
  name: '特种作业操作证（低压电工作业）',
  issuer: '淄博市应急管理局',
  years: 6,
  tag: 'DG',
};
const BOILER = {
  name: '特种设备作业人员证（工业锅炉司炉 G1）',
  issuer: '淄博市市场监督管理局',
  years: 4,
  tag: 'GL',
};
export type CertificateKind = typeof GAS_LICENCE;

export function certificatesFor(kind: string, post: string): CertificateKind[] {
  const gas = ['pipeline_gas', 'bottled_gas', 'vehicle_gas'].includes(kind);
  if (gas && ['维修工', '安检员', '调度员', '抢修班长', '站长', '送气工', '安全员'].includes(post))
    return [GAS_LICENCE];
  if (['充装工', '加气工'].includes(post)) return [CYLINDER, GAS_LICENCE];
  if (kind === 'appliance' && ['安装工', '维修工', '质检员'].includes(post)) return [APPLIANCE];
  if (['维修工', '换热站运行工'].includes(post)) return [ELECTRICIAN];
  if (post === '司炉工') return [BOILER];
  return [];
}

/**
 * Days from today to each certificate's expiry, by its position within the company: one already expired, three
 * expiring within 30 days (G-9.2.2 reminders have something to show), the rest months to years away.
 */
export function expiryOffset(i: number): number {
  const near = [-12, 6, 19, 28];
  return i < near.length ? near[i]! : 60 + ((i * 137) % 900);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘于蒋蔡杜程';
const GIVEN =
  '建国 志强 秀英 桂兰 海燕 晓东 丽娜 文博 俊杰 玉梅 春燕 红霞 明辉 雪梅 振宇 国强 淑珍 立军 子涵 浩宇 静 磊 伟 敏 洋 勇 涛 鹏 娟 超 琳'.split(
    ' ',
  );
const MOBILE_PREFIXES =
  '138 139 135 137 150 151 152 158 159 187 188 178 133 153 180 189 130 131 132 155 156 186 176 199'.split(
    ' ',
  );

/** A deterministic Chinese name and a mobile number for the n-th generated person. */
export function demoPerson(n: number): { name: string; phone: string } {
  const name = SURNAMES[(n * 7 + 3) % SURNAMES.length]! + GIVEN[(n * 11 + 5) % GIVEN.length]!;
  const phone = `${MOBILE_PREFIXES[n % MOBILE_PREFIXES.length]}0533${String(1000 + ((n * 373) % 9000)).padStart(4, '0')}`;
  return { name, phone };
}

export type DemoLoginSpec = { username: string; displayName: string; role: Role; enterprise: string };

export const DEMO_LOGINS: DemoLoginSpec[] = [
  { username: 'regulator', displayName: '陈明', role: 'regulator', enterprise: 'regulator' },
  { username: 'gas_admin', displayName: '赵立新', role: 'enterprise_admin', enterprise: 'gas' },
  { username: 'gas_agent', displayName: '孙晓燕', role: 'agent', enterprise: 'gas' },
  { username: 'gas_dispatcher', displayName: '李国栋', role: 'dispatcher', enterprise: 'gas' },
  { username: 'gas_tech', displayName: '王海涛', role: 'technician', enterprise: 'gas' },
  { username: 'gas_inspector', displayName: '张志强', role: 'inspector', enterprise: 'gas' },
  { username: 'gas_billing', displayName: '刘芳', role: 'billing_clerk', enterprise: 'gas' },
  { username: 'heat_admin', displayName: '周建平', role: 'enterprise_admin', enterprise: 'heat' },
  { username: 'heat_agent', displayName: '吴丽娜', role: 'agent', enterprise: 'heat' },
  { username: 'heat_dispatcher', displayName: '郑浩然', role: 'dispatcher', enterprise: 'heat' },
  { username: 'heat_tech', displayName: '马振华', role: 'technician', enterprise: 'heat' },
  { username: 'lpg_admin', displayName: '徐国庆', role: 'enterprise_admin', enterprise: 'lpg' },
  // Issue 18: the LPG company's counter clerk who takes orders and its courier with the phone view.
  { username: 'lpg_agent', displayName: '高秀梅', role: 'agent', enterprise: 'lpg' },
  { username: 'lpg_courier', displayName: '韩立峰', role: 'technician', enterprise: 'lpg' },
  { username: 'resident', displayName: '张先生（演示居民）', role: 'resident', enterprise: 'gas' },
  { username: 'heat_resident', displayName: '刘女士（演示供热居民）', role: 'resident', enterprise: 'heat' },
  { username: 'appl_admin', displayName: '钱立华', role: 'enterprise_admin', enterprise: 'appliance' },
  { username: 'appl_tech', displayName: '孙志刚', role: 'technician', enterprise: 'appliance' },
  { username: 'appl_tester', displayName: '马晓峰', role: 'technician', enterprise: 'appliance' },
  // Issue 18: the vehicle-gas company's station master and its attendant (the station's filling check).
  { username: 'cng_admin', displayName: '孔祥瑞', role: 'enterprise_admin', enterprise: 'cng' },
  { username: 'cng_attendant', displayName: '韩立军', role: 'technician', enterprise: 'cng' },
];
