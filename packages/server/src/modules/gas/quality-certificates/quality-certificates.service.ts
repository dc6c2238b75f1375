import {
  CONSENT_ITEMS,
  certificateTestProblem,
  missingCertificateFields,
  missingChecklist,
  qualificationProblem,
  INSTALLATION_CHECKLIST,
  toShanghaiDate,
  warrantyKindFor,
  warrantyMonths,
  type CertificateFacts,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Db } from '../../../db/client.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { visibleOrders } from '../../service/workorders/access.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import * as related from '../../service/workorders/related.repository.ts';
import * as orders from '../../service/workorders/workorders.repository.ts';
import { jobRequirementsOf } from '../../platform/qualifications/qualifications.repository.ts';
import { latestConsent, signatureOf } from '../repair-consents/repair-consents.repository.ts';
import { renderCertificatePdf, renderRefusalPdf } from './pdf.ts';
import * as repo from './quality-certificates.repository.ts';
import type { TCertificateInput } from './quality-certificates.schemas.ts';

// G-9.2.7: after the test, the quality certificate — issued once per order and never changed. Company, customer
// and phones come from the records; the technician gives brand, model, the test results with the CO limit, and the
// installer's and tester's signatures. Both must hold a valid qualification certificate (G-5.6.1, G-9.2.2).

const LABELS: Record<keyof CertificateFacts, string> = {
  company: '企业名称',
  customerName: '用户姓名',
  address: '地址',
  brand: '品牌',
  model: '型号',
  leakTestPassed: '气密性检测结果',
  flueCoPpm: '烟气CO含量',
  coLimitPpm: 'CO限值',
  coLimitBasis: 'CO限值依据',
  installerName: '安装人员',
  testerName: '检测人员',
  installerSignature: '安装人员签字',
  testerSignature: '检测人员签字',
  servicePhone: '服务电话',
  supervisionPhone: '监督电话',
};

const WORK: Record<string, string> = {
  appliance_installation: '燃气燃烧器具安装',
  appliance_repair: '燃气燃烧器具维修',
  appliance_walk_in_repair: '燃气燃烧器具送修',
};

/** A checklist item's words for the refusal (G-9.2.4). */
const checkLabel = (key: string) =>
  INSTALLATION_CHECKLIST.find((c) => `checklist.${c.key}` === key)?.zh ?? key;

const notQualified = (name: string) => ({
  zh: `${name} 没有有效的燃气燃烧器具安装维修资格证书，不能签署质量合格证（G-9.2.2）`,
  en: `${name} holds no valid appliance installation qualification; cannot sign the certificate (G-9.2.2)`,
});

type Person = { name: string; certificate: string } | null;

/** Where the enterprise requires certificates for the job, what the person lacks of them (G-5.6.1); else null. */
const jobProblem = (...args: Parameters<typeof qualificationProblem>) =>
  args[2]?.required.length ? qualificationProblem(...args) : null;

export class QualityCertificateService {
  constructor(private readonly ctx: AppContext) {}

  async of(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    const c = await repo.certificateOf(db, orderId);
    return {
      certificate: c
        ? {
            id: c.id,
            certificateNo: c.certificateNo,
            issuedOn: String(c.issuedOn).slice(0, 10),
            fields: c.fields,
          }
        : null,
    };
  }

  async issue(actor: Actor, orderId: string, input: TCertificateInput) {
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    await this.ctx.database.db.transaction(async (tx) => {
      const order = await orders.lockOrder(tx, orderId, visibleOrders(actor));
      if (!order || actor.role === 'regulator') throw notFound('work order');
      if (actor.role === 'technician' && order.assigneeId !== actor.id) {
        throw appError('FORBIDDEN', {
          zh: '只有被派单的维修人员可以出具质量合格证',
          en: 'Only the technician the order is assigned to may issue the certificate',
        });
      }
      if (!CONSENT_ITEMS.includes(order.itemCode)) {
        fieldError('CERTIFICATE_NOT_APPLICABLE', 'itemCode', {
          zh: '质量合格证只用于燃气燃烧器具的安装和维修工单（G-9.2.7）',
          en: 'A quality certificate is for appliance installation and repair orders only (G-9.2.7)',
        });
      }
      if (await repo.certificateOf(tx, order.id)) {
        throw appError('CERTIFICATE_EXISTS', {
          zh: '本工单已出具质量合格证；已出具的合格证不能修改',
          en: 'This order’s quality certificate is already issued; an issued certificate is never changed',
        });
      }
      if (!(await latestConsent(tx, order.id))) {
        fieldError('CONSENT_REQUIRED', 'consent', {
          zh: '施工须先经用户签字确认价目（G-9.2.6），才能出具质量合格证',
          en: 'The work needs the customer’s signed consent (G-9.2.6) before a certificate',
        });
      }
      const enterprise = await related.findEnterprise(tx, order.enterpriseId);
      const customer = order.customerId ? await orders.findOrderView(tx, order.id, undefined) : null;
      const installer = await this.person(tx, order, input.installerId, today, 'installerId');
      const tester = await this.person(tx, order, input.testerId, today, 'testerId');
      const installerSig = input.installerSignatureId
        ? await signatureOf(tx, order.id, input.installerSignatureId)
        : null;
      const testerSig = input.testerSignatureId
        ? await signatureOf(tx, order.id, input.testerSignatureId)
        : null;
      const facts: CertificateFacts = {
        company: enterprise?.name,
        customerName: customer?.customerName ?? order.callerName,
        address: order.address,
        brand: input.brand,
        model: input.model,
        leakTestPassed: input.leakTestPassed,
        flueCoPpm: input.flueCoPpm,
        coLimitPpm: input.coLimitPpm,
        coLimitBasis: input.coLimitBasis,
        installerName: installer?.name,
        testerName: tester?.name,
        installerSignature: installerSig !== null,
        testerSignature: testerSig !== null,
        servicePhone: enterprise?.hotline,
        supervisionPhone: enterprise?.supervisionPhone,
      };
      const missing: string[] = [
        ...missingCertificateFields(facts),
        ...missingChecklist(order.itemCode, input.checklist ?? []).map((k) => `checklist.${k}`),
      ];
      if (missing.length > 0) {
        const names = missing.map((k) => LABELS[k as keyof CertificateFacts] ?? checkLabel(k)).join('、');
        throw appError(
          'CERTIFICATE_INCOMPLETE',
          {
            zh: `质量合格证缺少：${names}（G-9.2.7）`,
            en: `The quality certificate lacks: ${missing.join(', ')} (G-9.2.7)`,
          },
          { fields: missing, clause: 'G-9.2.7' },
        );
      }
      const tests = {
        leakTestPassed: facts.leakTestPassed!,
        flueCoPpm: facts.flueCoPpm!,
        coLimitPpm: facts.coLimitPpm!,
      };
      const failed = certificateTestProblem(tests);
      if (failed) throw appError('CERTIFICATE_TEST_FAILED', failed, { clause: 'G-9.2.7' });
      const kind = warrantyKindFor(order.itemCode)!;
      const prefix = `ZL${today.replaceAll('-', '')}-`;
      const certificateNo = `${prefix}${String((await repo.countWithPrefix(tx, order.enterpriseId, prefix)) + 1).padStart(4, '0')}`;
      const fields = {
        ...facts,
        work: WORK[order.itemCode] ?? order.itemCode,
        installerCertificate: installer!.certificate,
        testerCertificate: tester!.certificate,
        ...Object.fromEntries((input.checklist ?? []).map((k) => [k, true])),
        warranty: `${kind === 'installation' ? '安装' : '维修'}保修 ${warrantyMonths(kind)} 个月，自完工之日起（G-9.2.8）`,
      } as Record<string, string | number | boolean>;
      const row = await repo.insertCertificate(tx, {
        enterpriseId: order.enterpriseId,
        workOrderId: order.id,
        certificateNo,
        fields,
        installerSignatureId: installerSig!.id,
        testerSignatureId: testerSig!.id,
        issuedOn: today,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: order.enterpriseId,
        action: 'quality_certificate.create',
        entity: 'work_order',
        entityId: order.id,
        after: { certificateId: row.id, certificateNo },
      });
    });
    return this.of(actor, orderId);
  }

  async pdf(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    const c = await repo.certificateOf(db, orderId);
    if (!c) throw notFound('quality certificate');
    const body = await renderCertificatePdf({
      certificateNo: c.certificateNo,
      issuedOn: String(c.issuedOn).slice(0, 10),
      fields: c.fields,
      installerSignature: await signatureOf(db, orderId, c.installerSignatureId),
      testerSignature: await signatureOf(db, orderId, c.testerSignatureId),
    });
    return { body, fileName: `certificate-${c.certificateNo}.pdf` };
  }

  /**
   * G-9.2.2, G-5.6.1: who may sign the certificate as installer or tester — the enterprise's technicians and
   * inspectors, each with why not when no qualification certificate of theirs is valid today.
   */
  async signers(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    const today = toShanghaiDate(this.ctx.now());
    const people = await related.listUsersWithRoles(db, order.enterpriseId, ['technician', 'inspector']);
    const certs = await related.certificatesOfUsers(db, order.enterpriseId, people);
    // The certificates the enterprise requires for this job (G-5.6.1) as well as one valid at all.
    const jobs = await jobRequirementsOf(db, order.enterpriseId, order.itemCode, people);
    return {
      items: people.map((p) => {
        const held = certs.get(p.id) ?? [];
        const valid = held.some((c) => c.expiresOn >= today);
        return {
          id: p.id,
          displayName: p.displayName,
          unavailable: valid ? jobProblem(held, today, jobs.get(p.id)) : notQualified(p.displayName),
        };
      }),
    };
  }

  /** G-9.2.3: the written refusal of an appliance order, when the customer asks for it. */
  async refusalPdf(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    const refused = (await orders.listEvents(db, orderId)).find((e) => e.type === 'refused');
    if (!refused || !CONSENT_ITEMS.includes(order.itemCode)) {
      fieldError('NOT_REFUSED', 'state', {
        zh: '这张燃气具工单没有被拒绝，没有书面告知书（G-9.2.3）',
        en: 'This appliance order was not refused; there is no written refusal (G-9.2.3)',
      });
    }
    const payload = refused.payload as { reason?: string; writtenNoticeRef?: string };
    const enterprise = await related.findEnterprise(db, order.enterpriseId);
    const body = await renderRefusalPdf({
      company: order.enterpriseName,
      orderNo: order.orderNo,
      work: WORK[order.itemCode] ?? order.itemCode,
      customer: order.customerName ?? order.callerName,
      address: order.address,
      refusedOn: toShanghaiDate(refused.at),
      reason: payload.reason ?? '',
      noticeRef: payload.writtenNoticeRef ?? '',
      servicePhone: enterprise?.hotline ?? '',
      supervisionPhone: enterprise?.supervisionPhone ?? '',
    });
    return { body, fileName: `refusal-${order.orderNo}.pdf` };
  }

  /**
   * An installer or tester: a login of this enterprise whose staff record holds a qualification certificate valid
   * today (G-5.6.1, G-9.2.2); none named is left to the missing-field check.
   */
  private async person(
    tx: Db,
    { enterpriseId, itemCode }: { enterpriseId: string; itemCode: string },
    userId: string | undefined,
    today: string,
    field: string,
  ) {
    if (!userId) return null as Person;
    const user = await related.findUser(tx, userId);
    if (!user || user.enterpriseId !== enterpriseId || !user.active) {
      fieldError('ASSIGNEE_INVALID', field, {
        zh: `${field} 须为本企业在岗人员的账号`,
        en: `${field} must be an active login of this enterprise`,
      });
    }
    const certs = (await related.certificatesOfUsers(tx, enterpriseId, [user])).get(user.id) ?? [];
    const valid = certs
      .filter((c) => c.expiresOn >= today)
      .sort((a, b) => (a.expiresOn < b.expiresOn ? 1 : -1));
    if (valid.length === 0) {
      fieldError('INSTALLER_NOT_QUALIFIED', field, notQualified(user.displayName), { clause: 'G-9.2.2' });
    }
    const job = (await jobRequirementsOf(tx, enterpriseId, itemCode, [user])).get(user.id);
    const problem = jobProblem(certs, today, job);
    if (problem) fieldError('INSTALLER_NOT_QUALIFIED', field, problem, { clause: 'G-9.2.2' });
    return { name: user.displayName, certificate: `${valid[0]!.name} ${valid[0]!.number}` } as Person;
  }
}
