import {
  daysBelowStandard,
  lowTemperatureOutcome,
  lowTemperatureReduction,
  STANDARD_ROOM_TEMPERATURE_TENTHS,
  toShanghaiDate,
  type DateString,
} from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { assertCanManage, enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { versionConflict } from '../../platform/enterprises/enterprises.service.ts';
import { insertLedgerEntry } from '../../money/ledger/ledger.repository.ts';
import * as repo from './low-temperature.repository.ts';
import type { TDecide, TDispute, TRuleInput } from './low-temperature.schemas.ts';

const CASE = { zh: '低温投诉', en: 'low-temperature case' };
const refused = (code: string, zh: string, en: string, field?: string) =>
  appError(code, { zh, en }, field ? { field } : undefined);

/**
 * H-7.2.3 and H-5.5: settle a low-temperature complaint. The decisive result is the third party's when the
 * customer disputed the company's measurement, else the company's own; a failure needs its cause, and only a company
 * facility reduces the fee: days below × degrees below × the rule in force (booked as a ledger credit).
 */
export async function decideCase(
  tx: Db,
  input: {
    row: NonNullable<Awaited<ReturnType<typeof repo.caseById>>>;
    decision: TDecide;
    actorId: string | null;
    now: Date;
  },
) {
  const { c, m } = input.row;
  const { decision } = input;
  if (c.status === 'decided')
    throw refused('CASE_DECIDED', '该低温投诉已处理完毕', 'The case is already decided');
  let result: 'passed' | 'failed';
  if (c.disputedByCustomer) result = c.thirdPartyResult as 'passed' | 'failed';
  else if (m.outcome === 'analysis_only') {
    throw refused(
      'MEASUREMENT_NOT_DECISIVE',
      'H-5.4.7：该次测温不满足 H-5.1 条件，仅作分析，不能据此判定；请重新测温或委托第三方检测',
      'H-5.4.7: the measurement was taken outside the H-5.1 conditions and is for analysis only; measure again or ask a third party',
    );
  } else result = m.outcome === 'pass' ? 'passed' : 'failed';
  if (result === 'failed' && !decision.cause) {
    throw refused(
      'LOW_TEMPERATURE_CAUSE_REQUIRED',
      'H-7.2.3.3：室温不达标须查明原因',
      'H-7.2.3.3: a failure needs its cause',
      'cause',
    );
  }
  const outcome = lowTemperatureOutcome({
    result,
    disputedByCustomer: c.disputedByCustomer,
    ...(result === 'failed' ? { cause: decision.cause } : {}),
  });
  const changes: Partial<repo.CaseRow> = {
    status: 'decided',
    finalResult: result,
    cause: result === 'failed' ? (decision.cause ?? null) : null,
    testPaidBy: outcome.testPaidBy,
    repairBy: outcome.repairBy,
    feeReduced: outcome.feeReduced,
    outcomeReason: outcome.reason,
    updatedAt: input.now,
  };
  if (outcome.feeReduced) {
    if (!decision.belowFrom || !decision.restoredOn) {
      throw refused(
        'LOW_TEMPERATURE_DAYS_REQUIRED',
        'H-5.5：企业原因的低温须填写低温开始日期和恢复达标日期，以计算减收热费',
        'H-5.5: a company-caused low temperature needs the first day below standard and the day it was restored',
        'belowFrom',
      );
    }
    const days = daysBelowStandard(decision.belowFrom as DateString, decision.restoredOn as DateString);
    const required = m.requiredTenths ?? STANDARD_ROOM_TEMPERATURE_TENTHS;
    const measured = c.disputedByCustomer ? c.thirdPartyTenths! : (m.minDecisiveTenths ?? required);
    const tenthsBelow = Math.max(0, required - measured);
    const rule = await repo.ruleOn(tx, c.enterpriseId, decision.belowFrom);
    if (!rule) {
      throw refused(
        'LOW_TEMPERATURE_RULE_MISSING',
        `H-5.5：${decision.belowFrom} 没有生效的低温减收规则，请先配置`,
        `H-5.5: no low-temperature reduction rule is in force on ${decision.belowFrom}; configure one first`,
      );
    }
    const reduction = lowTemperatureReduction({
      daysBelow: days,
      tenthsBelow,
      fenPerDayPerDegree: rule.fenPerDayPerDegree,
    });
    Object.assign(changes, {
      belowFrom: decision.belowFrom,
      restoredOn: decision.restoredOn,
      daysBelow: days,
      tenthsBelow,
      ruleId: rule.id,
      reductionFen: reduction,
    });
    if (reduction > 0) {
      const entry = await insertLedgerEntry(tx, {
        enterpriseId: c.enterpriseId,
        customerId: c.customerId,
        sector: 'heating',
        kind: 'adjustment',
        amountFen: -reduction,
        refType: 'low_temperature',
        refId: c.id,
        reason: `H-7.2.3 低温减收热费：${days} 天 × 低 ${(tenthsBelow / 10).toFixed(1)} °C × ${rule.fenPerDayPerDegree} 分/天·°C（${rule.name}）`,
        bookedOn: toShanghaiDate(input.now),
        createdBy: input.actorId,
      });
      changes.ledgerEntryId = entry.id;
    }
  }
  if (!(await repo.updateCase(tx, c.id, decision.version, changes)))
    throw versionConflict(CASE, c.version, decision.version);
  return changes;
}

export class LowTemperatureService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, status?: repo.CaseRow['status']) {
    const rows = await repo.listCases(this.db, enterpriseScope(actor), status);
    return {
      items: rows.map((r) => ({
        ...r.c,
        createdAt: r.c.createdAt.toISOString(),
        updatedAt: r.c.updatedAt.toISOString(),
        orderNo: r.orderNo,
        itemCode: r.itemCode,
        orderState: r.orderState,
        nextDueAt: r.nextDueAt ? r.nextDueAt.toISOString() : null,
        breached: r.breached,
        customerName: r.customerName,
        accountNo: r.accountNo,
        address: r.address,
        measuredAt: r.measuredAt.toISOString(),
        minDecisiveTenths: r.minDecisiveTenths,
        requiredTenths: r.requiredTenths,
        measurementOutcome: r.measurementOutcome,
      })),
    };
  }

  async dispute(actor: Actor, id: string, input: TDispute) {
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const row = await this.mine(tx, actor, id);
      if (row.c.status !== 'measured') {
        throw refused(
          'CASE_NOT_MEASURED',
          '只有已测温、尚未处理的投诉可以提出异议',
          'Only a measured, undecided case can be disputed',
        );
      }
      if (input.testedOn > toShanghaiDate(now)) {
        throw refused(
          'TESTED_ON_IN_FUTURE',
          '检测日期不能晚于今天',
          'The test date is in the future',
          'testedOn',
        );
      }
      const changes = {
        status: 'disputed' as const,
        disputedByCustomer: true,
        thirdPartyInstitution: input.institution,
        thirdPartyResult: input.result,
        thirdPartyTenths: input.tenths,
        thirdPartyTestedOn: input.testedOn,
        testFeeFen: input.testFeeFen,
        updatedAt: now,
      };
      if (!(await repo.updateCase(tx, id, input.version, changes)))
        throw versionConflict(CASE, row.c.version, input.version);
      await appendAudit(tx, {
        actor,
        enterpriseId: row.c.enterpriseId,
        action: 'low_temperature.dispute',
        entity: 'low_temperature_case',
        entityId: id,
        after: changes,
      });
    });
    return this.one(actor, id);
  }

  async decide(actor: Actor, id: string, input: TDecide) {
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const row = await this.mine(tx, actor, id);
      const changes = await decideCase(tx, { row, decision: input, actorId: actor.id, now });
      await appendAudit(tx, {
        actor,
        enterpriseId: row.c.enterpriseId,
        action: 'low_temperature.decide',
        entity: 'low_temperature_case',
        entityId: id,
        after: changes,
      });
    });
    return this.one(actor, id);
  }

  async rules(actor: Actor) {
    const rows = await repo.rulesOf(this.db, enterpriseScope(actor));
    return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
  }

  async addRule(actor: Actor, input: TRuleInput) {
    assertCanManage(actor, actor.enterpriseId);
    if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) {
      throw refused(
        'RULE_DATES_INVALID',
        '失效日期早于生效日期',
        'The end date is before the start date',
        'effectiveTo',
      );
    }
    return this.db.transaction(async (tx) => {
      const row = await repo.insertRule(tx, {
        ...input,
        effectiveTo: input.effectiveTo ?? null,
        enterpriseId: actor.enterpriseId,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'low_temperature.rule',
        entity: 'low_temperature_rule',
        entityId: row.id,
        after: input,
      });
      return { ...row, createdAt: row.createdAt.toISOString() };
    });
  }

  private async mine(tx: Db, actor: Actor, id: string) {
    const row = await repo.caseById(tx, id, true);
    if (!row || row.c.enterpriseId !== actor.enterpriseId) throw notFound('low-temperature case');
    return row;
  }

  private async one(actor: Actor, id: string) {
    const all = await this.list(actor);
    return all.items.find((i) => i.id === id)!;
  }
}
