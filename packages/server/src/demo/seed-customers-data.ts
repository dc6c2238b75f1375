/**
 * Pools for demo customers in Zibo (淄博市): districts with the county code of their ID numbers (GB/T 2260), their
 * sub-district offices (街道) and towns (镇), residential compounds, villages, names. The compounds, villages and
 * people are FICTIONAL; the district, street and town names are Zibo's own. Shared by seed-customers.ts and the
 * search benchmark (bench/customer-search.bench.ts) so both draw the same kind of data.
 */
export type DemoDistrict = { name: string; code: string; streets: string[]; towns: string[] };

export const DEMO_DISTRICTS: DemoDistrict[] = [
  {
    name: '张店区',
    code: '370303',
    streets: [
      '车站街道',
      '公园街道',
      '和平街道',
      '科苑街道',
      '体育场街道',
      '杏园街道',
      '马尚街道',
      '湖田街道',
    ],
    towns: ['房镇镇', '傅家镇', '中埠镇'],
  },
  {
    name: '淄川区',
    code: '370302',
    streets: ['般阳路街道', '松龄路街道', '钟楼街道', '将军路街道'],
    towns: ['昆仑镇', '洪山镇', '寨里镇', '双杨镇', '罗村镇'],
  },
  {
    name: '博山区',
    code: '370304',
    streets: ['城东街道', '城西街道', '山头街道'],
    towns: ['域城镇', '白塔镇', '八陡镇', '石马镇', '池上镇'],
  },
  {
    name: '临淄区',
    code: '370305',
    streets: ['闻韶街道', '雪宫街道', '辛店街道', '稷下街道', '齐陵街道'],
    towns: ['齐都镇', '皇城镇', '敬仲镇', '朱台镇', '凤凰镇'],
  },
  {
    name: '周村区',
    code: '370306',
    streets: ['丝绸路街道', '大街街道', '青年路街道', '永安街街道', '城北路街道'],
    towns: ['北郊镇', '南郊镇', '王村镇', '萌水镇'],
  },
  {
    name: '桓台县',
    code: '370321',
    streets: ['索镇街道', '少海街道'],
    towns: ['起凤镇', '田庄镇', '马桥镇', '新城镇'],
  },
  {
    name: '高青县',
    code: '370322',
    streets: ['田镇街道', '芦湖街道'],
    towns: ['青城镇', '高城镇', '唐坊镇', '常家镇'],
  },
  {
    name: '沂源县',
    code: '370323',
    streets: ['历山街道', '南麻街道'],
    towns: ['鲁村镇', '东里镇', '悦庄镇', '西里镇'],
  },
];

/** Fictional compounds: a stem and a suffix (世纪花园, 丰泽小区 …). */
export const COMPOUND_STEMS = [
  '华光',
  '金晶',
  '世纪',
  '丰泽',
  '齐鲁',
  '柳泉',
  '银座',
  '和润',
  '东方',
  '阳光',
  '万象',
  '龙泰',
  '凯瑞',
  '嘉和',
  '盛世',
  '鲁泰',
  '新华',
  '人民',
  '共青',
  '西五',
  '北京路',
  '昌国',
  '联通',
  '美食街',
  '莲池',
  '孝妇河',
  '般阳',
  '齐都',
  '稷下',
  '丝绸',
];
export const COMPOUND_SUFFIXES = ['小区', '花园', '社区', '家园', '佳苑', '新村'];
export const VILLAGE_STEMS = [
  '西河',
  '东坡',
  '南庄',
  '北营',
  '马家',
  '王家',
  '李家',
  '张家',
  '石门',
  '柳行',
  '杨寨',
  '孙家',
];

/** The hundred-odd surnames that cover most people in Shandong, most common first. */
export const SURNAMES = [
  '王',
  '张',
  '李',
  '刘',
  '孙',
  '赵',
  '杨',
  '陈',
  '徐',
  '高',
  '马',
  '于',
  '周',
  '吴',
  '郭',
  '宋',
  '韩',
  '朱',
  '胡',
  '董',
  '郑',
  '曹',
  '田',
  '崔',
  '许',
  '孟',
  '程',
  '冯',
  '杜',
  '蒋',
  '袁',
  '邢',
  '翟',
  '毕',
  '路',
  '巩',
  '荣',
  '房',
  '焦',
  '蔡',
];
export const GIVEN_MALE = [
  '海',
  '涛',
  '国',
  '栋',
  '志',
  '强',
  '建',
  '军',
  '立',
  '新',
  '振',
  '华',
  '明',
  '伟',
  '磊',
  '勇',
  '刚',
  '峰',
  '鹏',
  '斌',
  '庆',
  '东',
  '平',
  '成',
];
export const GIVEN_FEMALE = [
  '丽',
  '娜',
  '晓',
  '燕',
  '芳',
  '秀',
  '英',
  '玉',
  '兰',
  '红',
  '梅',
  '静',
  '敏',
  '霞',
  '艳',
  '萍',
  '琳',
  '娟',
  '婷',
  '雪',
  '慧',
  '洁',
  '云',
  '萱',
];

export const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '176',
  '177',
  '178',
  '180',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '198',
  '199',
];

export const ORGANISATION_STEMS = [
  '鲁味',
  '齐都',
  '般阳',
  '柳泉',
  '孝妇河',
  '华光',
  '金晶',
  '稷下',
  '丝绸路',
  '陶琉',
];
export const ORGANISATION_KINDS = [
  '饭店',
  '餐馆',
  '面馆',
  '烧烤店',
  '宾馆',
  '幼儿园',
  '社区卫生服务站',
  '洗浴中心',
  '食品厂',
  '中学',
];

/** G-5.9.9: why a customer is served at home on request — age for the old, disability for anyone. */
export const ELDERLY_NOTES = ['独居老人，行动不便，需上门服务', '高龄老人，子女不在身边，来电请放慢语速'];
export const DISABILITY_NOTES = [
  '肢体残疾，需上门办理业务',
  '视力残疾，来电请耐心说明',
  '听力障碍，请优先短信联系',
];

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo data on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Prng = ReturnType<typeof prng>;
