import { makeAccountNumber, normaliseAccountNumber, type Sector } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { versionConflict } from '../../platform/enterprises/enterprises.service.ts';
import { checkContractTerms } from './contract-terms.ts';
import {
  buildSearchText,
  canonicalPhone,
  checkAccount,
  checkContractDates,
  checkPremises,
  duplicate,
  premisesNotOfCustomer,
  premisesValues,
  sectorOf,
  throwFirst,
} from './customer-rules.ts';
import { checkBottledGasAddress } from '../../gas/supply-coverage/supply-coverage.service.ts';
import * as repo from './customers.repository.ts';
import * as serviceHistory from './service-history.repository.ts';
import type {
  TContract,
  TContractInput,
  TCustomer360,
  TCustomerCreate,
  TCustomerPatch,
  TPremises,
  TPremisesInput,
  TSearchQuery,
} from './customers.schemas.ts';
import * as view from './customers.views.ts';

const ACCOUNT = { zh: '客户档案', en: 'customer account' };
/** Prefix of the account numbers the system issues, by sector: 燃气 RQ, 热力 RL. */
export const ACCOUNT_PREFIX: Record<Sector, string> = { gas: 'RQ', heating: 'RL' };

export class CustomerService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /** Search or list: exact account number / phone first, then fragments; scoped to the caller's enterprise. */
  async search(actor: Actor, query: TSearchQuery) {
    const q = query.q ?? '';
    const { rows, next } = await repo.searchCustomers(this.db, {
      enterpriseId: enterpriseScope(actor, query.enterpriseId),
      q,
      kind: query.kind,
      limit: query.limit,
      after: query.cursor ? view.decodeCursor(query.cursor) : undefined,
      exact: { accountNo: normaliseAccountNumber(q), phone: canonicalPhone(q) },
    });
    return { items: rows.map(view.toCustomer), nextCursor: next ? view.encodeCursor(next) : null };
  }

  /** The 360 view (G-5.8.2, H-7.5.3): account, premises, contracts, every order, the open ones with clocks. */
  async get360(actor: Actor, id: string, db: Db = this.db): Promise<TCustomer360> {
    const row = await this.visible(db, actor, id);
    const [premises, contracts, orders] = await Promise.all([
      repo.premisesOf(db, id),
      repo.contractsOf(db, id),
      serviceHistory.ordersOfCustomer(db, id),
    ]);
    const history = orders.map(view.toOrder);
    const open = history.filter((o) => serviceHistory.isOpenState(o.state));
    const clocks = await serviceHistory.clocksOfOrders(
      db,
      open.map((o) => o.id),
    );
    return {
      account: view.toCustomer(row),
      premises: premises.map(view.toPremises),
      contracts: contracts.map(view.toContract),
      serviceHistory: history,
      openOrders: view.openOrders(open, clocks),
    };
  }

  /** Account + first premises + optional contract, in one transaction with one audit event. */
  async create(actor: Actor, input: TCustomerCreate): Promise<TCustomer360> {
    const now = this.ctx.now();
    const enterpriseId = actor.enterpriseId;
    const sector = sectorOf(input.kind);
    const { value, problems } = checkAccount(input, actor.enterpriseKind, now);
    problems.push(...checkPremises(input.premises, sector, 'premises.'));
    throwFirst(problems);
    const terms = input.contract ? checkContractTerms(sector, input.contract.terms) : null;
    if (input.contract) {
      checkContractDates(input.contract);
      if (input.contract.premisesId) throw premisesNotOfCustomer('contract.premisesId');
    }

    const id = await this.db.transaction(async (tx) => {
      const accountNo = value.accountNo ?? (await this.issueAccountNo(tx, enterpriseId, sector));
      if (value.accountNo && (await repo.takenAccountNos(tx, enterpriseId, [accountNo])).size > 0) {
        throw duplicate('accountNo', accountNo);
      }
      if (input.contract && (await repo.contractNoTaken(tx, enterpriseId, input.contract.contractNo))) {
        throw duplicate('contract.contractNo', input.contract.contractNo);
      }
      const place = premisesValues(input.premises);
      // G-7.1.1: no bottled-gas account where a pipeline network covers the address.
      await checkBottledGasAddress(tx, input.kind, place.community);
      const account = await repo.insertCustomer(tx, {
        enterpriseId,
        accountNo,
        kind: input.kind,
        name: input.name,
        idCard: value.idCard,
        phone: value.phone,
        phone2: value.phone2,
        specialCare: input.specialCare,
        specialCareNote: input.specialCareNote,
        searchText: buildSearchText({ ...value, accountNo, name: input.name, addresses: [place.address] }),
        createdAt: now,
        updatedAt: now,
      });
      const premises = await repo.insertPremises(tx, {
        ...place,
        enterpriseId,
        customerId: account.id,
        createdAt: now,
      });
      const contract =
        input.contract && terms
          ? await repo.insertContract(tx, {
              ...input.contract,
              validTo: input.contract.validTo ?? null,
              enterpriseId,
              customerId: account.id,
              premisesId: premises.id,
              sector,
              settlementCycle: terms.settlementCycle,
              terms,
              createdAt: now,
            })
          : null;
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'customer.create',
        entity: 'customer',
        entityId: account.id,
        after: {
          account: view.auditView(account),
          premises: view.toPremises(premises),
          contract: contract && view.toContract(contract),
        },
      });
      return account.id;
    });
    return this.get360(actor, id);
  }

  async update(actor: Actor, id: string, patch: TCustomerPatch): Promise<TCustomer360> {
    const { version, ...fields } = patch;
    const changes: repo.CustomerChanges = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(changes, { [k]: v });
    for (const k of ['idCard', 'phone', 'phone2'] as const) if (changes[k] === '') changes[k] = null;

    await this.db.transaction(async (tx) => {
      const before = await this.visible(tx, actor, id, true);
      if (version !== before.version) throw versionConflict(ACCOUNT, before.version, version);
      const kind = changes.kind ?? before.kind;
      const { value, problems } = checkAccount(
        {
          kind: kind as TCustomerCreate['kind'],
          idCard: changes.idCard,
          phone: changes.phone,
          phone2: changes.phone2,
        },
        actor.enterpriseKind,
        this.ctx.now(),
      );
      throwFirst(changes.kind ? problems : problems.filter((p) => p.field !== 'kind'));
      for (const k of ['idCard', 'phone', 'phone2'] as const) if (changes[k]) changes[k] = value[k];
      if (Object.keys(changes).length === 0) return;
      const next = { ...before, ...changes };
      changes.searchText = buildSearchText({
        ...next,
        addresses: (await repo.premisesOf(tx, id)).map((p) => p.address),
      });
      if (!(await repo.updateCustomer(tx, id, before.version, changes, this.ctx.now()))) {
        throw versionConflict(ACCOUNT, before.version + 1, before.version);
      }
      const after = (await repo.findCustomer(tx, id))!;
      await appendAudit(tx, {
        actor,
        enterpriseId: before.enterpriseId,
        action: 'customer.update',
        entity: 'customer',
        entityId: id,
        before: view.auditView(before),
        after: view.auditView(after),
      });
    });
    return this.get360(actor, id);
  }

  async addPremises(actor: Actor, id: string, input: TPremisesInput): Promise<TPremises> {
    const row = await this.db.transaction(async (tx) => {
      const account = await this.visible(tx, actor, id, true);
      throwFirst(checkPremises(input, sectorOf(account.kind as TCustomerCreate['kind'])));
      await checkBottledGasAddress(tx, account.kind, premisesValues(input).community);
      const created = await repo.insertPremises(tx, {
        ...premisesValues(input),
        enterpriseId: account.enterpriseId,
        customerId: id,
        createdAt: this.ctx.now(),
      });
      const addresses = (await repo.premisesOf(tx, id)).map((p) => p.address);
      await repo.setSearchText(tx, id, buildSearchText({ ...account, addresses }));
      await appendAudit(tx, {
        actor,
        enterpriseId: account.enterpriseId,
        action: 'premises.create',
        entity: 'premises',
        entityId: created.id,
        after: { ...view.toPremises(created), accountNo: account.accountNo },
      });
      return created;
    });
    return view.toPremises(row);
  }

  async addContract(actor: Actor, id: string, input: TContractInput): Promise<TContract> {
    checkContractDates(input);
    const row = await this.db.transaction(async (tx) => {
      const account = await this.visible(tx, actor, id);
      const sector = sectorOf(account.kind as TCustomerCreate['kind']);
      const terms = checkContractTerms(sector, input.terms);
      if (input.premisesId && !(await repo.premisesOf(tx, id)).some((p) => p.id === input.premisesId)) {
        throw premisesNotOfCustomer('premisesId');
      }
      if (await repo.contractNoTaken(tx, account.enterpriseId, input.contractNo)) {
        throw duplicate('contractNo', input.contractNo);
      }
      const created = await repo.insertContract(tx, {
        ...input,
        validTo: input.validTo ?? null,
        premisesId: input.premisesId ?? null,
        enterpriseId: account.enterpriseId,
        customerId: id,
        sector,
        settlementCycle: terms.settlementCycle,
        terms,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: account.enterpriseId,
        action: 'contract.create',
        entity: 'contract',
        entityId: created.id,
        after: { ...view.toContract(created), accountNo: account.accountNo },
      });
      return created;
    });
    return view.toContract(row);
  }

  /** G-5.7.6, H-7.6.6.3: the full ID number and phones, for a stated reason, recorded in the audit trail. */
  async reveal(actor: Actor, id: string, reason: string) {
    return this.db.transaction(async (tx) => {
      const account = await this.visible(tx, actor, id);
      await appendAudit(tx, {
        actor,
        enterpriseId: account.enterpriseId,
        action: 'customer.reveal',
        entity: 'customer',
        entityId: id,
        after: { reason, accountNo: account.accountNo, fields: ['idCard', 'phone', 'phone2'] },
      });
      return { idCard: account.idCard, phone: account.phone, phone2: account.phone2 };
    });
  }

  /** The next free `RQ00000001`-style number of the enterprise; the repository holds a lock until commit. */
  private async issueAccountNo(tx: Db, enterpriseId: string, sector: Sector) {
    const prefix = ACCOUNT_PREFIX[sector];
    const last = await repo.lastIssuedAccountNo(tx, enterpriseId, prefix);
    return makeAccountNumber(prefix, last ? Number(last.slice(prefix.length)) + 1 : 1);
  }

  /** The account, if the caller may see it; another enterprise's account answers as not found. */
  private async visible(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repo.CustomerRow> {
    const row = await repo.findCustomer(db, id, { forUpdate });
    if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId)) {
      throw notFound('customer');
    }
    return row;
  }
}
