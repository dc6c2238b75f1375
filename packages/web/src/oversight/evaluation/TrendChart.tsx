import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { targetLine, valueAxis, valueText, type Indicator, type Trend } from './api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** One indicator over the last periods, a line per enterprise (gaps where nothing was counted), target dashed. */
export function TrendChart({
  indicator,
  trend,
  names,
}: {
  indicator: Indicator;
  trend: Trend;
  names: Map<string, string>;
}) {
  const series = trend.series.filter((s) => s.indicator === indicator.id && s.values.some((v) => v !== null));
  const target = targetLine(indicator.target);
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 200, width: '100%' }}
      option={{
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: number | null) => (v === null ? '—' : valueText(indicator, v)),
        },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 8, right: 24, top: 16, bottom: 32, containLabel: true },
        xAxis: { type: 'category', data: trend.periods },
        yAxis: valueAxis(indicator, target),
        series: series.map((s, i) => ({
          type: 'line',
          name: names.get(s.enterpriseId) ?? '',
          data: s.values,
          connectNulls: false,
          markLine:
            i === 0 && target !== null
              ? { symbol: 'none', data: [{ yAxis: target }], lineStyle: { color: '#fa8c16', type: 'dashed' } }
              : undefined,
        })),
      }}
    />
  );
}
