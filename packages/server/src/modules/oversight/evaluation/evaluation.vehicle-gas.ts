import type { IndicatorDefinition } from '@ranre/domain';
import { sql, type SQL } from 'drizzle-orm';

// G-12.4.4: the vehicle-gas family of the evaluation — every fill of the period, each leak-checked after filling;
// the leak-free ones are in the numerator. Kept apart from evaluation.repository.ts so the family is one file.

interface Window {
  start: Date;
  end: Date;
  enterpriseId: string | null;
}

export function vehicleFillMembership(w: Window, def: IndicatorDefinition): SQL {
  return sql`
    select ${def.id}::text as indicator, f.enterprise_id, f.id::text as ref_id, null::uuid as order_id,
      f.plate as ref_no, 'vehicle_fill'::text as item, case when f.leak_free then 'pass' else 'fail' end as outcome,
      f.filled_at as at, f.leak_free as in_numerator
    from vehicle_fills f
    where f.filled_at >= ${w.start.toISOString()}::timestamptz and f.filled_at < ${w.end.toISOString()}::timestamptz
      ${w.enterpriseId ? sql`and f.enterprise_id = ${w.enterpriseId}::uuid` : sql``}`;
}
