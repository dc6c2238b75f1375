/** Self-evaluation, improvement plans, remarks and publications of a period (G-12.2, H-10.3.8, G-12.3). */
import { http, ok } from '../../api/client.ts';
import type { Body, Item } from '../../api/contract.ts';

export type Statement = Item<'/api/evaluation/statements'>;
export type StatementInput = Body<'/api/evaluation/statements'>;

export const statements = {
  list: (period: string) => ok(http.GET('/api/evaluation/statements', { params: { query: { period } } })),
  add: (body: StatementInput) => ok(http.POST('/api/evaluation/statements', { body })),
  publish: (period: string) => ok(http.POST('/api/evaluation/publications', { body: { period } })),
};
