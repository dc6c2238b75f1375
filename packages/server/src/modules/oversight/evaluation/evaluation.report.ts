import { pdfFooter, pdfHeading, pdfRows, pdfTable, startPdf } from '../../../core/pdf.ts';
import { targetText, valueCell } from './evaluation.export.ts';

// The evaluation report of one enterprise and period as a PDF (issue 14): each indicator's figure with its counts,
// Table 1's target and the verdict, its rank among the enterprises shown, the trend of the periods before, and what
// was said of the period — the regulator's remarks, the enterprise's self-evaluation and improvement plan. Every
// number comes from EvaluationService (figures, trend), so the report, the cockpit and the workbook agree.

const STATUS_ZH: Record<string, string> = {
  met: '达标',
  missed: '未达标',
  no_data: '无数据',
  no_target: '无目标值',
};
const KIND_ZH: Record<string, string> = {
  pipeline_gas: '管道燃气',
  bottled_gas: '瓶装燃气',
  vehicle_gas: '汽车加气',
  appliance: '燃气器具',
  heating: '供热',
  heating_reseller: '转供热',
};
const STATEMENT_ZH: Record<string, string> = {
  remark: '监管部门意见',
  self_evaluation: '企业自评',
  improvement_plan: '整改提升计划',
};

/** A figure with its unit: "95%", "12.5 分钟", "0.69‰". */
function shown(unit: string, value: number | null, none = '无数据'): string {
  if (value === null) return none;
  return unit === 'percent' ? `${value}%` : String(valueCell(unit, value));
}

export interface ReportInput {
  enterprise: { id: string; name: string; kind: string; district: string };
  period: { key: string; from: string; to: string; closed: boolean; definitionsVersion: string };
  indicators: {
    id: string;
    clauses: readonly string[];
    name: { zh: string };
    unit: string;
    target: Parameters<typeof targetText>[0];
    figures: {
      enterpriseId: string;
      value: number | null;
      numerator: number;
      denominator: number;
      status: string;
      rank: number | null;
    }[];
  }[];
  trend: {
    periods: string[];
    series: { indicator: string; enterpriseId: string; values: (number | null)[] }[];
  };
  statements: { kind: string; body: string; authorName: string | null; createdAt: Date }[];
  generatedAt: string;
}

export async function evaluationReportPdf(
  r: ReportInput,
): Promise<{ fileName: string; zhName: string; body: Buffer }> {
  const title = `服务质量评价报告（${r.period.key}）`;
  const { doc, done } = startPdf(title);
  pdfHeading(
    doc,
    r.enterprise.name,
    title,
    `${r.period.from} 至 ${r.period.to}（不含）· ${r.period.closed ? '已关账' : '未关账（实时统计）'} · 指标定义版本 ${r.period.definitionsVersion} · 生成于 ${r.generatedAt}`,
  );
  pdfRows(doc, [
    ['企业', r.enterprise.name],
    ['类别', KIND_ZH[r.enterprise.kind] ?? r.enterprise.kind],
    ['区县', r.enterprise.district],
    ['考核期', r.period.key],
  ]);
  doc.moveDown(0.5);
  const mine = r.indicators
    .map((ind) => ({ ind, fig: ind.figures.find((f) => f.enterpriseId === r.enterprise.id) }))
    .filter((x) => x.fig);
  const met = mine.filter((x) => x.fig!.status === 'met').length;
  const missed = mine.filter((x) => x.fig!.status === 'missed').length;
  doc.font('cjk-bold').fontSize(11).text(`一、指标结果（达标 ${met} 项，未达标 ${missed} 项）`);
  doc.moveDown(0.3);
  pdfTable(
    doc,
    ['指标（条款）', '数值', '分子 / 分母', '目标', '结论', '排名'],
    mine.map(({ ind, fig }) => [
      `${ind.name.zh}（${ind.clauses.join('、')}）`,
      shown(ind.unit, fig!.value),
      `${fig!.numerator} / ${fig!.denominator}`,
      targetText(ind.target),
      STATUS_ZH[fig!.status] ?? fig!.status,
      fig!.rank === null ? '—' : `${fig!.rank} / ${ind.figures.filter((f) => f.rank !== null).length}`,
    ]),
    [170, 62, 100, 58, 50, 59],
  );
  doc
    .font('cjk-bold')
    .fontSize(11)
    .text(`二、趋势（${r.trend.periods.join('、')}）`);
  doc.moveDown(0.3);
  pdfTable(
    doc,
    ['指标', ...r.trend.periods],
    mine.map(({ ind }) => {
      const s = r.trend.series.find((x) => x.indicator === ind.id && x.enterpriseId === r.enterprise.id);
      return [
        ind.name.zh,
        ...r.trend.periods.map((_, i) => (s?.values[i] == null ? '—' : String(s.values[i]))),
      ];
    }),
    [150, ...r.trend.periods.map(() => Math.floor(349 / r.trend.periods.length))],
  );
  doc.font('cjk-bold').fontSize(11).text('三、监管意见与企业自评');
  doc.moveDown(0.3);
  if (r.statements.length === 0) doc.font('cjk').fontSize(10).text('本考核期尚无监管意见、自评或整改计划。');
  pdfRows(
    doc,
    r.statements.map((s) => [
      `${STATEMENT_ZH[s.kind] ?? s.kind}\n${s.createdAt.toISOString().slice(0, 10)} ${s.authorName ?? ''}`,
      s.body,
    ]),
    120,
  );
  pdfFooter(
    doc,
    '依据燃气服务标准第12.4条、供热服务标准第10.5条及表1；分子、分母为所计记录的数量或数额（运行事故率为 m²·min，窗口等候为秒）。',
  );
  doc.end();
  return {
    fileName: `evaluation-report-${r.period.key}.pdf`,
    zhName: `评价报告-${r.enterprise.name}-${r.period.key}.pdf`,
    body: await done,
  };
}
