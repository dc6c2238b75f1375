import { formatShanghai, megajoules, percent, pressure } from '@ranre/domain';
import type { TPublicInfo } from '../public-info/public-info.schemas.ts';

// The public enterprise pages as plain HTML, rendered on the server from the same data the API publishes (the staff's
// own tables, no copy): a few kilobytes, no script, readable on a slow phone network and by search engines (issue
// 16, G-4.2.3, H-7.5.5). The interactive pages (sign-up, reports, payment) stay in the web app, linked from here.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
const yuan = (fen: number) => (fen / 100).toFixed(2);

const STYLE = `body{margin:0;font:15px/1.55 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f5f6f8}
header{background:#1f6fb2;color:#fff;padding:12px 16px}header a{color:#fff}main{padding:8px 12px 32px;max-width:760px;margin:auto}
section{background:#fff;border-radius:8px;padding:10px 14px;margin:10px 0}h1{font-size:20px;margin:6px 0}h2{font-size:16px;margin:4px 0 8px}
ul{padding-left:18px;margin:4px 0}.muted{color:#777}.call{display:block;text-align:center;background:#d4380d;color:#fff;border-radius:6px;padding:10px;text-decoration:none;font-weight:600}
.tag{display:inline-block;font-size:12px;border:1px solid #91caff;color:#1f6fb2;border-radius:4px;padding:0 4px;margin-left:6px}
details{border-top:1px solid #eee;padding:6px 0}summary{cursor:pointer}`;

/** The page frame: title, the site header with the way into the web app, the sections. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#1f6fb2"><title>${esc(title)}</title><meta name="description" content="${esc(title)}：服务电话、营业网点、收费价格、办理时限、停气停热计划">
<style>${STYLE}</style></head><body><header><a href="/info">淄博市燃气供热服务信息公开</a> · <a href="/login">登录 / 注册网上服务</a></header>
<main>${body}</main></body></html>`;
}

export function enterprisesPage(items: { id: string; name: string; kind: string }[]): string {
  const KIND: Record<string, string> = {
    pipeline_gas: '管道燃气',
    bottled_gas: '瓶装燃气',
    vehicle_gas: '车用燃气',
    appliance: '燃气器具',
    heating: '供热',
    heating_reseller: '供热（趸售）',
  };
  const rows = items
    .map(
      (e) =>
        `<li><a href="/info/${esc(e.id)}" data-testid="public-enterprise">${esc(e.name)}</a><span class="tag">${esc(KIND[e.kind] ?? e.kind)}</span></li>`,
    )
    .join('');
  return page(
    '服务信息公开',
    `<h1>服务信息公开</h1><section><p class="muted">各供气、供热企业的服务电话、营业网点、价格、办理时限与收费、投诉规则和停供计划。</p><ul>${rows}</ul></section>
<section><a href="/catalogue">办事指南</a> · <a href="/notice-board">停气停热公告</a> · <a href="/cylinder-lookup">气瓶查询</a></section>`,
  );
}

function price(p: TPublicInfo['prices'][number]): string {
  const tiers = p.tiers
    .map((t, i) => `${i + 1} 档${t.upTo === null ? '' : `（≤${t.upTo}）`} ${yuan(t.price)} 元/m³`)
    .join('；');
  const heating = p.heating
    ? Object.entries(p.heating)
        .filter(([, v]) => typeof v === 'number')
        .map(([k, v]) => `${k} ${yuan(v as number)}`)
        .join('；')
    : '';
  return `<li data-testid="public-price"><b>${esc(p.label || p.customerClass)}</b>${p.inForce ? '<span class="tag">现行</span>' : `<span class="tag">${esc(p.effectiveFrom)} 起</span>`}<br>${esc(tiers || heating)}${p.basis ? `<br><span class="muted">依据：${esc(p.basis)}</span>` : ''}</li>`;
}

const CYLINDER_STATUS = { in_force: '现行', scheduled: '待生效', superseded: '已停止执行' } as const;

/** A bottled-gas price list: its period and status, each model's fill and price, the delivery fee. */
function cylinderList(l: TPublicInfo['cylinderPrices'][number]): string {
  const period = l.effectiveTo ? `${l.effectiveFrom} 至 ${l.effectiveTo}` : `自 ${l.effectiveFrom} 起执行`;
  const items = l.items
    .map((i) => `${esc(i.model)}（充装 ${(i.fillG / 1000).toFixed(1)} 千克）：¥${yuan(i.priceFen)}/瓶`)
    .join('<br>');
  return `<li data-testid="public-cylinder-list-${l.status}"><b>${esc(period)}</b><span class="tag">${CYLINDER_STATUS[l.status]}</span><br>${items}<br><span class="muted">送气费 ¥${yuan(l.deliveryFeeFen)}/单${l.basis ? ` · ${esc(l.basis)}` : ''}</span></li>`;
}

export function enterprisePage(info: TPublicInfo): string {
  const e = info.enterprise;
  const list = (items: string[], empty = '暂无') =>
    items.length ? `<ul>${items.join('')}</ul>` : `<p class="muted">${empty}</p>`;
  const current = info.prices.filter((p) => p.inForce);
  const history = info.prices.filter((p) => !p.inForce);
  const q = info.gasQuality;
  const sections = [
    `<h1 data-testid="public-name">${esc(e.name)}</h1>`,
    `<section><h2>服务电话</h2><a class="call" href="tel:${esc(e.hotline)}" data-testid="public-hotline">24 小时服务及抢修电话 ${esc(e.hotline)}</a>
<p>监督电话：${esc(e.supervisionPhone)}${info.dutyPhones.length ? `<br>值班电话：${info.dutyPhones.map(esc).join('、')}` : ''}<br>地址：${esc(e.address)}</p></section>`,
    `<section><h2>营业网点</h2>${list(e.servicePoints.map((p) => `<li data-testid="public-point"><b>${esc(p.name)}</b>${p.takesPayments ? '<span class="tag">可缴费</span>' : ''}<br>${esc(p.address)}<br><span class="muted">营业时间：${esc(p.hours)}</span></li>`))}</section>`,
    `<section><h2>停气、停热计划</h2>${list(
      info.stoppages.map(
        (n) =>
          `<li data-testid="public-stoppage"><b>${esc(n.title)}</b><br>${esc(n.communities.join('、'))} · ${esc(formatShanghai(new Date(n.startsAt)))}${n.expectedRestoreAt ? ` — ${esc(formatShanghai(new Date(n.expectedRestoreAt)))}` : ''}</li>`,
      ),
      '近期没有计划停供',
    )}</section>`,
    `<section><h2>收费价格</h2>${list(current.map(price))}${history.length ? `<details><summary>价格调整历史</summary><ul>${history.map(price).join('')}</ul></details>` : ''}</section>`,
    info.cylinderPrices.length
      ? `<section data-testid="public-cylinder-prices"><h2>瓶装燃气价目表</h2>${list([...info.cylinderPrices].reverse().map(cylinderList))}</section>`
      : '',
    info.heatingSeasons.length
      ? `<section><h2>供热期</h2>${list(info.heatingSeasons.map((s) => `<li>${esc(s.area)}：${esc(s.startsOn)} — ${esc(s.endsOn)}</li>`))}</section>`
      : '',
    q
      ? `<section data-testid="public-gas-quality"><h2>燃气质量</h2><p>气种：${esc(q.gasType)}；热值 ${esc(megajoules(q.calorificKjPerM3))}；供气压力 ${esc(pressure(q.supplyPressurePa))}；检测日期 ${esc(q.testedOn)}<br>组分：${q.composition.map((c) => `${esc(c.name)} ${percent(c.basisPoints)}`).join('，')}</p></section>`
      : '',
    `<section><h2>办理时限与收费</h2><p class="muted">处理完毕后 ${info.reopenPeriodDays} 天内不满意可在网上重新打开工单。</p>${info.catalogue
      .map(
        (item) =>
          `<details><summary><b>${esc(item.name.zh)}</b>${item.clocks.map((c) => `<br><span class="muted">${esc(c.description.zh)}：${esc(c.limitText.zh)}（${esc(c.clause)}）</span>`).join('')}</summary>
<p>收费：${item.fee.kind === 'free' ? '免费' : item.fee.kind === 'amount' ? `${yuan(item.fee.fen ?? 0)} 元` : '按公示价格'}${item.fee.note ? `（${esc(item.fee.note.zh)}）` : ''}</p>
${item.procedure.length ? `<p>办理流程：</p><ul>${item.procedure.map((s) => `<li>${esc(s.zh)}</li>`).join('')}</ul>` : ''}
${item.conditions.length ? `<p>办理条件：${item.conditions.map((s) => esc(s.zh)).join('；')}</p>` : ''}
${item.documents.length ? `<p>所需材料：${item.documents.map((s) => esc(s.zh)).join('、')}</p>` : ''}
${item.freeItems.length ? `<p>免费项目：${item.freeItems.map((s) => esc(s.zh)).join('；')}</p>` : ''}</details>`,
      )
      .join('')}</section>`,
    `<section data-testid="public-complaints"><h2>投诉规则与办结时限</h2><ul>${info.complaints.rules.map((r) => `<li>${esc(r.zh)}</li>`).join('')}</ul>
${list(info.complaints.limits.map((l) => `<li data-testid="public-complaint-limit"><b>${esc(l.name.zh)}</b>：${l.clocks.map((c) => `${esc(c.description.zh)} ${esc(c.limitText.zh)}`).join('；')}</li>`))}</section>`,
    info.bottledGas
      ? `<section><h2>瓶装燃气残液标准</h2><p>残液量不超过充装量的 ${info.bottledGas.residueMaxPercent}%</p><ul>${info.bottledGas.rules.map((r) => `<li>${esc(r.zh)}</li>`).join('')}</ul></section>`
      : '',
    `<section data-testid="public-staff"><h2>服务人员工号与岗位</h2>${list(info.staff.map((m) => `<li>${esc(m.badgeNo)} ${esc(m.name)} <span class="tag">${esc(m.post)}</span></li>`))}</section>`,
  ];
  return page(`${e.name} 服务信息公开`, sections.join(''));
}
