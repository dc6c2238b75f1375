import { formatShanghai, megajoules, percent, pressure } from '@ranre/domain';
import type { TStatement } from '../../oversight/statements/statements.schemas.ts';
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
details{border-top:1px solid #eee;padding:6px 0}summary{cursor:pointer}h3{font-size:14px;margin:8px 0 2px}.small{font-size:12px}
.tag.ok{border-color:#95de64;color:#389e0d}.tag.bad{border-color:#ff7875;color:#cf1322}.tabs{display:flex;gap:14px;margin:6px 0}
.search{display:flex;gap:6px;margin:8px 0}.search input{flex:1;min-width:0;font:inherit;padding:7px 9px;border:1px solid #ccc;border-radius:6px}
.search button{font:inherit;padding:7px 14px;border:0;border-radius:6px;background:#1f6fb2;color:#fff}
.verdict{padding:8px 10px;border-radius:6px}.verdict.ok{background:#f6ffed;color:#237804}.verdict.bad{background:#fff1f0;color:#a8071a}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:8px 0}dt{color:#777}dd{margin:0}`;

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

const PARTY: Record<string, string> = {
  developer: '建设单位（已备案承诺）',
  property_company: '物业公司（继承维保责任）',
};

/** G-12.3, H-10.5.6: the evaluation results as they were published (never recomputed), newest first. */
function resultsSection(results: TStatement[]): string {
  const items = results.filter((s) => s.figures.length > 0);
  const rows = items.map(
    (s) =>
      `<li><b>${esc(s.period)}</b><span class="tag">${s.enterpriseId ? '企业公布' : '主管部门公布'}</span> <span class="muted">${esc(formatShanghai(new Date(s.createdAt)).slice(0, 10))} 公布</span><ul>${s.figures
        .map(
          (f) =>
            `<li data-testid="public-result">${esc(f.name.zh)}：${f.value === null ? '—' : `${f.value}%`}${f.target !== '—' ? `（目标 ${esc(f.target)}）` : ''}${f.status === 'met' ? '<span class="tag ok">达标</span>' : f.status === 'missed' ? '<span class="tag bad">未达标</span>' : ''}</li>`,
        )
        .join('')}</ul></li>`,
  );
  return `<section data-testid="public-results"><h2>服务评价结果公布</h2>${rows.length ? `<ul>${rows.join('')}</ul>` : '<p class="muted">尚未公布评价结果</p>'}</section>`;
}

/** One part of the published charter (G-5.4.5, H-7.5.5, H-7.7.2.4). */
const charterSection = (title: string, testId: string, lines: { zh: string }[]) =>
  `<section data-testid="${testId}"><h2>${esc(title)}</h2><ul>${lines.map((m) => `<li>${esc(m.zh)}</li>`).join('')}</ul></section>`;

export function enterprisePage(info: TPublicInfo, results: TStatement[] = []): string {
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
    charterSection('服务承诺与服务问责', 'public-charter-commitments', info.charter.commitments),
    charterSection(
      e.kind === 'heating' || e.kind === 'heating_reseller' ? '供热质量' : '供气质量与用气条件',
      'public-charter-quality',
      info.charter.quality,
    ),
    charterSection('双方的权利与义务', 'public-charter-rights', info.charter.rightsAndDuties),
    charterSection('安全与节约使用常识', 'public-charter-safety', info.charter.safety),
    charterSection('政策法规与服务规范', 'public-charter-policies', info.charter.policies),
    info.bottledGas
      ? `<section><h2>瓶装燃气残液标准</h2><p>残液量不超过充装量的 ${info.bottledGas.residueMaxPercent}%</p><ul>${info.bottledGas.rules.map((r) => `<li>${esc(r.zh)}</li>`).join('')}</ul></section>`
      : '',
    info.maintenanceCommitments.length
      ? `<section data-testid="public-commitments"><h2>入网小区供热设施维保承诺</h2>${list(info.maintenanceCommitments.map((c) => `<li><b>${esc(c.community)}</b> ${esc(PARTY[c.party] ?? c.party)}：${esc(c.partyName)}（<a href="tel:${esc(c.partyPhone)}">${esc(c.partyPhone)}</a>）${c.endsOn ? `，维保期至 ${esc(c.endsOn)}` : ''}<br>${esc(c.terms)}</li>`))}</section>`
      : '',
    `<section data-testid="public-staff"><h2>服务人员工号与岗位</h2>${list(info.staff.map((m) => `<li>${esc(m.badgeNo)} ${esc(m.name)} <span class="tag">${esc(m.post)}</span></li>`))}</section>`,
    resultsSection(results),
  ];
  return page(`${e.name} 服务信息公开`, sections.join(''));
}
