import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { lowerIsBetter, targetLine, valueAxis, valueText, type Indicator } from './api.ts';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const COLOR = { met: '#52c41a', missed: '#f5222d', no_target: '#1f6fb2', no_data: '#bfbfbf' };

/** One indicator's value per enterprise, best first, with Table 1's target as a line where there is one. */
export function IndicatorChart({ indicator, names }: { indicator: Indicator; names: Map<string, string> }) {
  const rows = indicator.figures
    .filter((f) => f.value !== null)
    .sort((a, b) => (lowerIsBetter(indicator) ? -1 : 1) * ((b.value ?? 0) - (a.value ?? 0)));
  const target = targetLine(indicator.target);
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 220, width: '100%' }}
      option={{
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => valueText(indicator, v) },
        grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: rows.map((f) => names.get(f.enterpriseId) ?? ''),
          axisLabel: { interval: 0, width: 110, overflow: 'break' },
        },
        yAxis: valueAxis(indicator, target),
        series: [
          {
            type: 'bar',
            barMaxWidth: 36,
            data: rows.map((f) => ({ value: f.value, itemStyle: { color: COLOR[f.status] } })),
            markLine:
              target === null
                ? undefined
                : {
                    symbol: 'none',
                    data: [{ yAxis: target }],
                    lineStyle: { color: '#fa8c16', type: 'dashed' },
                  },
          },
        ],
      }}
    />
  );
}
