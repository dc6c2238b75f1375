import type { IndicatorTarget, Messages } from '@ranre/domain';
import { writeXlsx } from '../../../core/xlsx.ts';

// The evaluation of a period as an Excel workbook (issue 14: "Excel of any table"): one row per enterprise and
// indicator with the same counts, value, verdict and rank the cockpit shows, the definitions counted by, and the
// period with its state — the figures come from EvaluationService.figures, so the file and the screen agree.

type Figures = {
  period: { key: string; from: string; to: string; closed: boolean; definitionsVersion: string };
  enterprises: { id: string; name: string; kind: string }[];
  indicators: {
    id: string;
    clauses: readonly string[];
    name: Messages;
    unit?: string;
    target: IndicatorTarget | null;
    numeratorDefinition: Messages;
    denominatorDefinition: Messages;
    figures: {
      enterpriseId: string;
      value: number | null;
      numerator: number;
      denominator: number;
      status: string;
      rank: number | null;
    }[];
  }[];
};

const STATUS_ZH: Record<string, string> = {
  met: '达标',
  missed: '未达标',
  no_data: '无数据',
  no_target: '无目标值',
};

export function targetText(t: IndicatorTarget | null): string {
  if (!t) return '—';
  if (t.kind === 'at_most') return `≤ ${t.minutes} 分钟`;
  if (t.kind === 'at_most_permille') return `≤ ${t.permille}‰`;
  return t.kind === 'all' ? '100%' : `≥ ${t.percent}%`;
}

/** A figure with its unit where it is not a percent: "12.5 分钟", "0.69‰". */
export function valueCell(unit: string | undefined, value: number | null): number | string | null {
  if (value === null) return null;
  if (unit === 'minutes') return `${value} 分钟`;
  return unit === 'permille' ? `${value}‰` : value;
}

export async function evaluationWorkbook(
  f: Figures,
): Promise<{ fileName: string; zhName: string; body: Buffer }> {
  const names = new Map(f.enterprises.map((e) => [e.id, e.name]));
  const results = f.indicators.flatMap((ind) =>
    ind.figures.map((fig) => [
      names.get(fig.enterpriseId) ?? fig.enterpriseId,
      ind.name.zh,
      ind.clauses.join('、'),
      fig.numerator,
      fig.denominator,
      valueCell(ind.unit, fig.value),
      targetText(ind.target),
      STATUS_ZH[fig.status] ?? fig.status,
      fig.rank,
    ]),
  );
  const definitions = f.indicators.map((ind) => [
    ind.name.zh,
    ind.clauses.join('、'),
    ind.numeratorDefinition.zh,
    ind.denominatorDefinition.zh,
    targetText(ind.target),
  ]);
  const period = [
    ['考核期', f.period.key],
    ['起止（北京时间）', `${f.period.from} 至 ${f.period.to}（不含）`],
    ['状态', f.period.closed ? '已关账（数据固定）' : '未关账（实时统计）'],
    ['指标定义版本', f.period.definitionsVersion],
  ];
  const body = await writeXlsx([
    {
      name: '评价结果',
      header: ['企业', '指标', '条款', '分子', '分母', '数值（%）', '目标', '结论', '排名'],
      rows: results,
      widths: [28, 26, 20, 8, 8, 10, 10, 10, 6],
    },
    {
      name: '指标定义',
      header: ['指标', '条款', '分子', '分母', '目标'],
      rows: definitions,
      widths: [26, 20, 40, 40, 10],
    },
    { name: '考核期', header: ['项目', '内容'], rows: period, widths: [18, 40] },
  ]);
  return { fileName: `evaluation-${f.period.key}.xlsx`, zhName: `评价考核-${f.period.key}.xlsx`, body };
}
