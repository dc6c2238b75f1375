import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { DailyStat, Dashboard } from './api.ts';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const COLORS = { pass: '#52c41a', fail: '#f5222d', analysis_only: '#bfbfbf' };

/** Histogram of the lowest bedroom / living-room reading, 1 °C bins, stacked by outcome. */
export function TemperatureHistogram({
  data,
  labels,
}: {
  data: Dashboard['histogram'];
  labels: Record<'pass' | 'fail' | 'analysis_only', string>;
}) {
  const degrees = data.map((d) => d.degree);
  const lo = Math.min(16, ...degrees);
  const hi = Math.max(24, ...degrees);
  const bins = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const series = (['pass', 'fail', 'analysis_only'] as const).map((outcome) => ({
    name: labels[outcome],
    type: 'bar' as const,
    stack: 'n',
    itemStyle: { color: COLORS[outcome] },
    data: bins.map((b) => data.find((d) => d.degree === b && d.outcome === outcome)?.n ?? 0),
  }));
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 280, width: '100%' }}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
        xAxis: { type: 'category', data: bins.map((b) => `${b}–${b + 1}°C`) },
        yAxis: { type: 'value', minInterval: 1 },
        series,
      }}
    />
  );
}

/** Daily min / avg / max of one household, with the 18 °C line of H-5.1. */
export function DailyChart({
  days,
  standardTenths,
  labels,
}: {
  days: DailyStat[];
  standardTenths: number;
  labels: { min: string; avg: string; max: string; standard: string };
}) {
  const line = (name: string, key: 'min' | 'avg' | 'max', color: string) => ({
    name,
    type: 'line' as const,
    smooth: true,
    itemStyle: { color },
    data: days.map((d) => d[key] / 10),
  });
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 300, width: '100%' }}
      option={{
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(1)} °C` },
        legend: { bottom: 0 },
        grid: { left: 8, right: 24, top: 24, bottom: 32, containLabel: true },
        xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
        yAxis: { type: 'value', min: 12, max: 27, interval: 3, axisLabel: { formatter: '{value} °C' } },
        series: [
          {
            ...line(labels.min, 'min', '#4a9ad6'),
            markLine: {
              symbol: 'none',
              lineStyle: { color: '#f5222d', type: 'dashed' },
              label: { formatter: labels.standard },
              data: [{ yAxis: standardTenths / 10 }],
            },
          },
          line(labels.avg, 'avg', '#1f6fb2'),
          line(labels.max, 'max', '#fa8c16'),
        ],
      }}
    />
  );
}
