// G-12.4.4: the vehicle-gas company's indicator — formula (9), the full-cylinder leak-free rate, read for a station
// as the vehicle cylinders leak-checked after each fill: leak-free fills ÷ fills checked. Counted from vehicle_fills.

import type { IndicatorDefinition } from '../evaluation/indicators.ts';

export const VEHICLE_GAS_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'vehicle_leak_free',
    clauses: ['G-12.4.4'],
    name: { zh: '加气后气瓶无泄漏合格率', en: 'Vehicle cylinders leak-free after filling' },
    unit: 'percent',
    appliesTo: ['vehicle_gas'],
    numerator: { zh: '加气后检漏无泄漏的车次', en: 'Fills whose leak check after filling found no leak' },
    denominator: { zh: '加气后检漏的车次', en: 'Fills leak-checked after filling' },
    source: { kind: 'vehicle_fill' },
  },
];
