import {
  HAZARD_GRADE_RULES,
  INSPECTION_CHECKLIST,
  RESPONSIBLE_LABELS,
  formatDue,
  formatShanghai,
} from '@ranre/domain';
import type { HazardGrade, ResponsibleParty } from '@ranre/domain';
import { pdfFooter, pdfHeading, pdfRows, startPdf } from '../../../core/pdf.ts';

// G-5.11.6, G-6.2.17: the rectification notice (整改通知书) handed to the customer with a hazard: what was found, by
// when it must be put right and who pays. It is printed from the hazard's first file entry, so reprinting it later
// gives the same notice; later extensions are listed beneath as what they are, additions to the file.

export interface RectificationInput {
  noticeNo: string;
  company: string;
  hotline: string;
  supervisionPhone: string;
  customerName: string;
  accountNo: string;
  address: string;
  item: string;
  grade: HazardGrade;
  responsible: ResponsibleParty;
  description: string;
  foundAt: Date;
  dueAt: Date;
  notice: 'pending' | 'signed' | 'refused';
  extensions: { at: Date; dueAt: Date; reason: string }[];
}

const ACKNOWLEDGED: Record<RectificationInput['notice'], string> = {
  pending: '待用户签收 Awaiting the customer',
  signed: '用户已签收 Signed by the customer',
  refused: '用户拒绝签收（已记录）Refused by the customer (recorded)',
};

export function itemLabel(code: string): string {
  const item = INSPECTION_CHECKLIST.find((i) => i.code === code);
  return item ? `${item.label.zh} ${item.label.en}` : code;
}

export function renderRectificationPdf(n: RectificationInput): Promise<Buffer> {
  const { doc, done } = startPdf(`整改通知书 ${n.noticeNo}`);
  const grade = HAZARD_GRADE_RULES[n.grade];
  const payer = RESPONSIBLE_LABELS[n.responsible];
  pdfHeading(
    doc,
    n.company,
    '燃气安全隐患整改通知书  Rectification notice',
    `通知书编号 ${n.noticeNo}    检查时间 ${formatShanghai(n.foundAt)}`,
  );
  pdfRows(doc, [
    ['户号 Account no.', n.accountNo],
    ['户名 Customer', n.customerName],
    ['用气地址 Address', n.address],
    ['隐患项目 Item', itemLabel(n.item)],
    ['隐患等级 Grade', `${grade.label.zh} ${grade.label.en}`],
    ['隐患描述 Finding', n.description],
    ['整改期限 Put right by', `${formatDue(n.dueAt)} 前`],
    ['整改责任及费用 Who pays', `${payer.zh}  ${payer.en}`],
    ...(grade.shutOff
      ? [['供气 Supply', '重大隐患整改完成前暂停供气 Supply off until put right'] as const]
      : []),
    ['签收 Acknowledged', ACKNOWLEDGED[n.notice]],
    ['服务电话 Service phone', n.hotline],
    ['监督电话 Supervision phone', n.supervisionPhone],
  ]);
  if (n.extensions.length > 0) {
    doc.moveDown().font('cjk-bold').fontSize(11).text('延期记录 Extensions', doc.page.margins.left);
    doc.font('cjk').fontSize(9.5);
    for (const e of n.extensions)
      doc.text(`${formatShanghai(e.at)} 延至 ${formatDue(e.dueAt)}：${e.reason}`, doc.page.margins.left);
  }
  doc.moveDown(2).font('cjk').fontSize(10.5);
  doc.text('用户签字 Customer: ____________        检查人员 Inspector: ____________', doc.page.margins.left);
  pdfFooter(
    doc,
    '依据服务标准 G-5.11.6、G-6.2.17 开具；逾期未整改的，燃气企业将复查并依法处理。 Issued under G-5.11.6 and G-6.2.17.',
  );
  doc.end();
  return done;
}
