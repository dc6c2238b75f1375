import { pdfFooter, pdfHeading, pdfRows, startPdf } from '../../../core/pdf.ts';

// G-5.11.2: the notice posted in the building's hall, the same words the households were sent.

export function renderAnnouncementPdf(a: {
  company: string;
  community: string;
  building: string;
  plannedOn: string;
  timeWindow: string;
  inspectorName: string;
  badgeNo: string;
  hotline: string;
  text: string;
}): Promise<Buffer> {
  const { doc, done } = startPdf(`入户安全检查告知 ${a.community}${a.building}`);
  pdfHeading(
    doc,
    a.company,
    '入户安全检查告知  Gas safety inspection notice',
    `${a.community} ${a.building}`,
  );
  doc.font('cjk').fontSize(12).text(a.text, { lineGap: 4 });
  doc.moveDown();
  pdfRows(doc, [
    ['检查日期 Day', a.plannedOn],
    ['上门时段 Time', a.timeWindow],
    ['安检员 Inspector', `${a.inspectorName}（工号 ${a.badgeNo}）`],
    ['另约时间 To change', a.hotline],
  ]);
  pdfFooter(doc, '依据服务标准 G-5.11.2 告知；安检员上门时主动出示工作证件。 Announced under G-5.11.2.');
  doc.end();
  return done;
}
