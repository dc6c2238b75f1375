import { formatShanghai } from '@ranre/domain';
import type { z } from 'zod';
import type { ZCatalogueItem } from '../../service/catalogue/catalogue.routes.ts';
import type { ZPublicCylinder } from '../../gas/cylinders/cylinders.schemas.ts';
import type { publicView } from '../../service/notices/notices.views.ts';
import { esc, page } from './public-pages.render.ts';

// The other public pages as plain HTML (issue 16 "each page under 1 s on a slow phone network"): the service guide,
// the notice board and the cylinder lookup, rendered on the server from the same services the public API answers
// with — no script, no web-app bundle, a few kilobytes compressed. Filters and the lookup are plain GET forms and
// links, so they work in any phone browser, WeChat's included. Signed-in staff keep the web app's versions.

type Item = z.infer<typeof ZCatalogueItem>;
type Notice = ReturnType<typeof publicView>;
type Cylinder = z.infer<typeof ZPublicCylinder>;
export type Sector = 'gas' | 'heating';

const CATEGORY: Record<string, string> = {
  consultation: '咨询',
  repair: '报修',
  emergency: '抢险',
  complaint: '投诉',
  connection: '报装接入',
  change: '改装迁移',
  suspension: '停用报停',
  resumption: '恢复使用',
  temperature_test: '室温检测',
  installation: '器具安装',
  meter: '计量表',
  referral: '非本企业事项',
};
const BASIS: Record<string, string> = { statute: '标准规定', regulation: '法规规定', commitment: '企业承诺' };

const yuan = (fen: number) => (fen / 100).toFixed(2);
const lines = (items: { zh: string }[], ordered = false) =>
  items.length
    ? `<${ordered ? 'ol' : 'ul'}>${items.map((m) => `<li>${esc(m.zh)}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`
    : '<p class="muted">无</p>';

/** The filter links across the top, the chosen one marked. */
function tabs(base: string, chosen: string, options: [string, string][], extra = ''): string {
  return `<nav class="tabs">${options
    .map(([value, label]) => {
      const href = value ? `${base}?sector=${value}${extra}` : base;
      return value === chosen
        ? `<b aria-current="page">${esc(label)}</b>`
        : `<a href="${esc(href)}">${esc(label)}</a>`;
    })
    .join('')}</nav>`;
}

export function fee(f: Item['fee']): string {
  const head = f.kind === 'free' ? '免费' : f.kind === 'amount' ? `${yuan(f.fen ?? 0)} 元` : '按公示价格';
  return f.note ? `${head}（${esc(f.note.zh)}）` : head;
}

/** /catalogue — G-4.2.3, H-4.2.4, H-7.1.1, H-7.5.5: every business item with procedure, conditions, documents, fee,
 *  free items and the time limits the clocks run on, each with its clause. */
export function cataloguePage(items: Item[], sector: Sector, query: string): string {
  const q = query.trim().toLowerCase();
  const shown = items.filter(
    (i) => !q || `${i.name.zh} ${i.name.en} ${i.basis.join(' ')}`.toLowerCase().includes(q),
  );
  const groups = new Map<string, Item[]>();
  for (const item of shown) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  const itemHtml = (item: Item) => {
    const limits = item.clocks.length
      ? `<ul>${item.clocks.map((c) => `<li>${esc(c.description.zh)}：<b>${esc(c.limitText.zh)}</b> <span class="muted">${esc(c.clause)} · ${esc(BASIS[c.basis] ?? c.basis)}</span></li>`).join('')}</ul>`
      : '<p class="muted">当场办结，不另计时</p>';
    const summary = item.clocks[0] ? `<span class="tag">${esc(item.clocks[0].limitText.zh)}</span>` : '';
    return `<details data-testid="catalogue-item-${esc(item.code)}"><summary><b>${esc(item.name.zh)}</b>${summary}${item.fee.kind === 'free' ? '<span class="tag ok">免费</span>' : ''}</summary>
<h3>办理流程</h3>${lines(item.procedure, true)}<h3>办理条件</h3>${lines(item.conditions)}<h3>所需材料</h3>${lines(item.documents)}
<h3>收费</h3><p>${fee(item.fee)}</p><h3>免费项目</h3>${lines(item.freeItems)}<h3>办理时限</h3>${limits}
<p class="muted">依据条款：${item.basis.map(esc).join('、')}</p></details>`;
  };
  const body = [...groups]
    .map(
      ([category, list]) =>
        `<section><h2>${esc(CATEGORY[category] ?? category)}</h2>${list.map(itemHtml).join('')}</section>`,
    )
    .join('');
  return page(
    '服务指南',
    `<div data-testid="page-catalogue"><h1>服务指南</h1>
${tabs('/catalogue', sector, [
  ['gas', '燃气'],
  ['heating', '供热'],
])}
<form class="search" action="/catalogue" method="get"><input type="hidden" name="sector" value="${esc(sector)}"><input type="search" name="q" value="${esc(query)}" placeholder="搜索业务" aria-label="搜索业务"><button>搜索</button></form>
<p class="muted">各项业务的办理流程、条件、所需材料、收费标准、免费项目和办理时限（依据 G-4.2.3、H-7.1.1、H-7.5.5 公示）。</p>
${body || '<section><p class="muted">没有符合条件的业务</p></section>'}</div>`,
  );
}

const time = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : '—');
const INTERRUPTION = new Set(['planned_interruption', 'unplanned_interruption']);

function noticeCard(n: Notice): string {
  const interruption = INTERRUPTION.has(n.kind);
  const tags = [
    n.overrun ? '<span class="tag bad">超时未恢复</span>' : '',
    interruption && n.status === 'restored' ? '<span class="tag ok">已恢复</span>' : '',
    n.revision > 1 ? `<span class="tag">第 ${n.revision} 版</span>` : '',
  ].join('');
  return `<section data-testid="board-notice"><h2><span class="tag">${esc(n.kindLabel.zh)}</span> ${esc(n.title)}${tags}</h2>
<p><span class="muted">小区 / 范围：</span>${esc(n.communities.join('、'))}<br><span class="muted">开始时间：</span>${esc(time(n.startsAt))}${
    interruption
      ? `<br><span class="muted">预计恢复时间：</span><b>${esc(time(n.expectedRestoreAt))}</b>`
      : ''
  }${n.cause ? `<br><span class="muted">原因：</span>${esc(n.cause)}${n.repairSection ? `（抢修路段：${esc(n.repairSection)}）` : ''}` : ''}${
    n.safetyAdvice ? `<br><span class="muted">安全注意事项：</span>${esc(n.safetyAdvice)}` : ''
  }</p><p class="muted small">${esc(n.enterpriseName)} · ${esc(n.noticeNo)} · ${esc(n.clause)} · 发布时间 ${esc(time(n.publishedAt))}${
    n.managerName || n.managerPhone ? ` · 片区负责人 ${esc(n.managerName)} ${esc(n.managerPhone)}` : ''
  } · 服务热线 <a href="tel:${esc(n.hotline)}">${esc(n.hotline)}</a></p></section>`;
}

/** /notice-board — H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12: the current filling, commissioning and outage notices. */
export function noticeBoardPage(items: Notice[], sector: Sector | null): string {
  const current = items.filter((n) => n.current);
  const recent = items.filter((n) => !n.current);
  return page(
    '停供及注水公告栏',
    `<div data-testid="page-notice-board"><h1>停供及注水公告栏</h1>
${tabs('/notice-board', sector ?? '', [
  ['', '全部'],
  ['heating', '供热'],
  ['gas', '燃气'],
])}
<p class="muted">燃气、供热企业发布的注水、调试、停气、停热公告。如有疑问请拨打企业服务热线。</p>
<h2>当前公告</h2>${current.length ? current.map(noticeCard).join('') : '<section><p class="muted">当前没有停供公告</p></section>'}
${recent.length ? `<h2>近期已结束</h2>${recent.map(noticeCard).join('')}` : ''}</div>`,
  );
}

const kg = (g: number | null) => (g === null ? '—' : `${(g / 1000).toFixed(2)} kg`);

/** /cylinder-lookup — G-7.1.13: anyone scans a cylinder's code and sees who filled it, when, and whether to use it. */
export function cylinderLookupPage(code: string, found: Cylinder | null, invalid: boolean): string {
  const verdict = found
    ? `<section><p class="verdict ${found.usable ? 'ok' : 'bad'}" data-testid="pc-verdict"><b>${found.usable ? '可以使用' : '请勿使用'}</b>${found.reason ? `<br>${esc(found.reason.zh)}` : ''}</p>${
        found.registered
          ? `<dl><dt>充装单位</dt><dd>${esc(found.company?.name)} <a href="tel:${esc(found.company?.hotline)}">${esc(found.company?.hotline)}</a></dd>
<dt>型号</dt><dd>${esc(found.model)}</dd><dt>充装日期</dt><dd>${esc(found.lastFilledOn ?? '—')}</dd><dt>净重</dt><dd>${kg(found.lastNetWeightG)}</dd>
<dt>下次检验</dt><dd>${esc(found.nextInspectionOn)}</dd><dt>报废日期</dt><dd>${esc(found.scrapDueOn)}</dd></dl>`
          : ''
      }</section>
<section><h2>公示标准</h2><ul><li>定期检验周期：${found.standards.inspectionYears} 年</li><li>设计使用年限：${found.standards.designLifeYears} 年</li>
<li>残液量上限：充装量的 ${found.standards.residueLimitPercent}%，超出部分予以补偿</li>${Object.values(
        found.standards.sources,
      )
        .map((s) => `<li>${esc(s.zh)}</li>`)
        .join(
          '',
        )}${found.standards.models.map((m) => `<li>${esc(m.model)}：${kg(m.ratedFillG)} ±${kg(m.toleranceG)}</li>`).join('')}</ul></section>`
    : invalid
      ? '<section><p class="verdict bad" data-testid="pc-invalid">编码格式不正确：4–40 位字母、数字或连字符</p></section>'
      : '';
  return page(
    '气瓶信息查询',
    `<div data-testid="cylinder-lookup"><h1>气瓶信息查询</h1><p class="muted">扫描瓶身二维码或输入编码，无需登录（G-7.1.13）。</p>
<form class="search" action="/cylinder-lookup" method="get"><input name="code" value="${esc(code)}" placeholder="气瓶编码" aria-label="气瓶编码" data-testid="pc-code" autocomplete="off"><button>查询</button></form>
${verdict}</div>`,
  );
}
