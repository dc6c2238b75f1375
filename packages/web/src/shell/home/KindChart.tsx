import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const PALETTE = ['#1f6fb2', '#4a9ad6', '#7fb8e6', '#13a8a8', '#fa8c16', '#d4380d'];

export interface KindDatum {
  name: string;
  value: number;
}

export function KindChart({
  data,
  type,
  seriesName,
}: {
  data: KindDatum[];
  type: 'bar' | 'pie';
  seriesName: string;
}) {
  const option =
    type === 'bar'
      ? {
          color: PALETTE,
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
          xAxis: {
            type: 'category',
            data: data.map((d) => d.name),
            axisLabel: { interval: 0, width: 60, overflow: 'break' },
          },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            {
              name: seriesName,
              type: 'bar',
              barMaxWidth: 40,
              data: data.map((d, i) => ({
                value: d.value,
                itemStyle: { color: PALETTE[i % PALETTE.length] },
              })),
              label: { show: true, position: 'top' },
            },
          ],
        }
      : {
          color: PALETTE,
          tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
          legend: { bottom: 0, type: 'scroll' },
          series: [
            {
              name: seriesName,
              type: 'pie',
              radius: ['40%', '68%'],
              center: ['50%', '45%'],
              data: data.filter((d) => d.value > 0),
              label: { formatter: '{b}\n{c}' },
            },
          ],
        };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: 300, width: '100%' }}
      opts={{ renderer: 'canvas' }}
    />
  );
}
