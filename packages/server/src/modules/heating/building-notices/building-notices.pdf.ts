import { BUILDING_NOTICE_REASON_TEXT, formatShanghai, type BuildingNoticeReason } from '@ranre/domain';
import { pdfFooter, pdfHeading, pdfRows, startPdf } from '../../../core/pdf.ts';
import type { NoticeRow } from './building-notices.repository.ts';

// H-6.3.4: the notice put up at the building (楼前公告): the cause of the trouble with the building's shared heating
// system and the advice, printed from the stored notice, so a reprint is the same notice.

export function renderBuildingNoticePdf(
  n: NoticeRow,
  company: { name: string; hotline: string },
): Promise<Buffer> {
  const { doc, done } = startPdf(`楼前公告 ${n.community}${n.building}`);
  const reason = BUILDING_NOTICE_REASON_TEXT[n.reason as BuildingNoticeReason];
  pdfHeading(
    doc,
    company.name,
    '楼内公共供热系统情况公告  Notice to the building',
    `公告日期 ${formatShanghai(n.createdAt)}    自 ${n.effectiveOn} 起`,
  );
  pdfRows(doc, [
    ['小区楼栋 Building', `${n.community} ${n.building}`],
    ['情况 Situation', `${reason.zh}  ${reason.en}`],
    ['原因 Cause', n.cause],
    ['指导建议 Advice', n.advice],
    ['产权单位 Owner', `${n.ownerName}（${n.ownerPhone}）已提前通知 told ahead`],
    ['影响住户 Households told', `${n.households} 户`],
    ['服务电话 Service phone', company.hotline],
  ]);
  pdfFooter(
    doc,
    '依据服务标准 H-6.3.4 公告：楼内公共供热设施由产权方负责维护，供热企业予以技术指导。 Posted under H-6.3.4.',
  );
  doc.end();
  return done;
}
