import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useI18n } from '../../i18n/index.tsx';
import type { Reading } from './api.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const ACTUAL = '#1f6fb2';
const ESTIMATED = '#fa8c16';
const FLAGGED = '#d4380d';

/** Monthly usage bars, oldest first; estimated months orange with「估」, confirmed flagged readings red. */
export function UsageChart({ readings }: { readings: Reading[] }) {
  const { t, lang } = useI18n();
  const rows = [...readings].filter((r) => r.usage !== 0 || r.kind === 'estimated').reverse();
  const reasonOf = (r: Reading) =>
    r.kind === 'estimated'
      ? (r.estimateBasis?.reason?.[lang] ?? '')
      : r.checks
          .filter((c) => c.reason)
          .map((c) => c.reason![lang])
          .join(' ');
  const option = {
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (items: { dataIndex: number }[]) => {
        const r = rows[items[0]!.dataIndex]!;
        const why = reasonOf(r);
        return `${r.readOn}<br/>${t(`meter.kind.${r.kind}` as never)}：${(r.usage / 1000).toFixed(3)} m³${
          why
            ? `<br/><span style="white-space:normal;display:inline-block;max-width:320px">${why}</span>`
            : ''
        }`;
      },
    },
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.readOn.slice(0, 7)) },
    yAxis: { type: 'value', name: 'm³' },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((r) => ({
          value: Math.round(r.usage) / 1000,
          itemStyle: {
            color:
              r.kind === 'estimated' ? ESTIMATED : r.checks.some((c) => c.code === 'HIGH') ? FLAGGED : ACTUAL,
          },
          label: {
            show: r.kind === 'estimated' || r.checks.some((c) => c.code === 'HIGH'),
            position: 'top',
            formatter: r.kind === 'estimated' ? t('meter.estShort') : '!',
          },
        })),
      },
    ],
  };
  return (
    <div data-testid="usage-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 260, width: '100%' }} />
    </div>
  );
}
