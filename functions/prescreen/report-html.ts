/**
 * The HTML report: one self-contained, printable file in Chinese. The overview comes first (exhibitors
 * cleared / to review / to reject, findings per category as an inline SVG chart), then one section per
 * exhibitor, starting on a new page when printed, that the centre can send to that exhibitor.
 *
 * Every piece of text in it comes from the exhibitors' spreadsheet and is escaped; a CSP forbids scripts
 * and any network access should an escape ever be missed.
 */
import { CATEGORIES, type Category } from '../core/categories.js';
import type { Finding } from '../core/verdict.js';
import { layoutHighlights, type HighlightNode } from '../presentation/highlight.js';
import {
  CATEGORY_COLOURS,
  CATEGORY_LABELS,
  DUPLICATE_LABELS,
  EXHIBITOR_STATUS_LABELS,
  FIELD_LABELS,
  JOB_DECISION_LABELS,
  SEVERITY_LABELS,
  creditCodeStatus,
  formatTime,
} from './labels.js';
import type { Excerpt, Exhibitor, PrescreenResult, RowResult } from './types.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const e = escapeHtml;

const FORMAT_LABELS = { csv: 'CSV', xlsx: 'Excel (XLSX)', jsonl: 'JSON Lines', json: 'JSON' } as const;

const STYLE = `
:root { --ok: #1a7f37; --review: #9a6700; --reject: #cf222e; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif;
  color: #1f2328; margin: 0 auto; max-width: 960px; padding: 24px; line-height: 1.6; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.meta, .muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
.card.cleared b, .approve, .cleared { color: var(--ok); } .card.review b, .review { color: var(--review); } .card.reject b, .reject { color: var(--reject); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
.badge { display: inline-block; border-radius: 10px; padding: 0 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; margin-left: 6px; vertical-align: middle; }
.job { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
.job h3 { margin: 0 0 6px; }
.job.approve-job { padding: 4px 12px; }
.excerpt { background: #f6f8fa; border-left: 3px solid var(--line); margin: 6px 0; padding: 6px 10px; white-space: pre-wrap; }
.excerpt .field { color: var(--muted); font-size: 12px; margin-right: 6px; }
mark { padding: 0 1px; border-bottom: 2px solid var(--review); }
mark.sev-reject { border-bottom-color: var(--reject); }
mark sup { font-size: 10px; font-weight: 700; }
.findings { margin: 6px 0 0; padding-left: 22px; }
.findings li { margin-bottom: 6px; }
.cat { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; }
.law, .fix { font-size: 13px; } .fix { color: #0a3069; }
.notes { color: var(--review); }
.letter { border: 1px dashed var(--line); padding: 6px 10px; font-size: 13px; }
.chart text { font-size: 13px; fill: #1f2328; }
a { color: #0969da; text-decoration: none; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12px; }
  .exhibitor { break-before: page; }
  .toc a::after { content: ""; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function chart(counts: Record<Category, number>): string {
  const rowHeight = 26;
  const labelWidth = 96;
  const barWidth = 440;
  const max = Math.max(1, ...Object.values(counts));
  const bars = CATEGORIES.map((c, i) => {
    const y = i * rowHeight;
    const width = Math.round((counts[c] / max) * barWidth);
    return (
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${e(CATEGORY_LABELS[c])}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${width}" height="${rowHeight - 8}" fill="${CATEGORY_COLOURS[c]}" stroke="#8c959f" stroke-width="${width ? 0.5 : 0}"/>` +
      `<text x="${labelWidth + width + 6}" y="${y + 17}">${counts[c]}</text>`
    );
  }).join('');
  const height = CATEGORIES.length * rowHeight;
  return `<svg class="chart" role="img" aria-label="各类问题数量" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function renderNodes(nodes: HighlightNode<{ start: number; end: number; finding: Finding; n: number }>[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return e(node);
      const { finding, n } = node.finding;
      const sup = node.first ? `<sup>${n}</sup>` : '';
      return `<mark class="sev-${finding.severity}" style="background:${CATEGORY_COLOURS[finding.category]}" title="${e(CATEGORY_LABELS[finding.category])}">${renderNodes(node.children)}${sup}</mark>`;
    })
    .join('');
}

function excerpt(x: Excerpt, findings: Finding[]): string {
  const marks = x.marks.map((m) => ({ start: m.start, end: m.end, finding: findings[m.index]!, n: m.index + 1 }));
  const text = renderNodes(layoutHighlights(x.text, marks));
  return `<div class="excerpt"><span class="field">${e(FIELD_LABELS[x.field] ?? x.field)}</span>${x.cutBefore ? '…' : ''}${text}${x.cutAfter ? '…' : ''}</div>`;
}

function finding(f: Finding): string {
  const law = f.legalBasis.map((b) => `${e(b.law)}${e(b.article)}`).join('；');
  return (
    `<li><span class="cat" style="background:${CATEGORY_COLOURS[f.category]}">${e(CATEGORY_LABELS[f.category])}</span> ` +
    `<b class="${f.severity}">${e(SEVERITY_LABELS[f.severity])}</b> “${e(f.text)}”：${e(f.message)}` +
    (law ? `<div class="law">法律依据：${law}</div>` : '') +
    (f.suggestion ? `<div class="fix">修改建议：${e(f.suggestion)}</div>` : '') +
    '</li>'
  );
}

function job(r: RowResult): string {
  const head = `<h3>第 ${r.row} 行 · ${e(r.title)}<span class="badge ${r.decision}">${JOB_DECISION_LABELS[r.decision]}</span></h3>`;
  if (r.findings.length === 0) return `<div class="job approve-job">${head}</div>`;
  return (
    `<div class="job">${head}${r.excerpts.map((x) => excerpt(x, r.findings)).join('')}` +
    `<ol class="findings">${r.findings.map(finding).join('')}</ol></div>`
  );
}

function exhibitorSection(x: Exhibitor, index: number): string {
  const codes = x.creditCodes.length ? x.creditCodes.map(e).join('、') + `（${creditCodeStatus(x.creditCodeValid)}）` : '未填写';
  const counts = (['reject', 'review', 'approve'] as const)
    .map((d) => [d, x.rows.filter((r) => r.decision === d).length] as const)
    .filter(([, n]) => n > 0)
    .map(([d, n]) => `${JOB_DECISION_LABELS[d]} ${n}`)
    .join('，');
  const parts = [
    `<section class="exhibitor" id="ex-${index}">`,
    `<h2>${e(x.name)}<span class="badge ${x.status}">${EXHIBITOR_STATUS_LABELS[x.status]}</span></h2>`,
    `<p>统一社会信用代码：${codes}<br>岗位 ${x.rows.length + x.errors.length} 个${counts ? `：${counts}` : ''}${x.errors.length ? `，无法检查 ${x.errors.length}` : ''}</p>`,
    x.notes.length ? `<ul class="notes">${x.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '',
    x.status === 'cleared'
      ? ''
      : '<p class="letter">贵单位提交的招聘信息经预审发现以下问题。请按“修改建议”调整，并提供有效的统一社会信用代码后重新提交；标为“不通过”的岗位修改前不能在双选会发布。</p>',
    ...x.rows.map(job),
    x.errors.length
      ? `<h3>无法检查的行</h3><ul>${x.errors.map((err) => `<li>第 ${err.row} 行：${e(err.reason)}</li>`).join('')}</ul>`
      : '',
    '</section>',
  ];
  return parts.join('\n');
}

export function* htmlReport(result: PrescreenResult): Generator<string> {
  const { summary: s, exhibitors, duplicates, errors } = result;
  yield `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>双选会招聘信息预审报告 · ${e(s.source)}</title>
<style>${STYLE}</style></head><body>
<header><h1>双选会招聘信息预审报告</h1>
<p class="meta">文件：${e(s.source)} · 预审时间：${e(formatTime(s.checkedAt))} · 规则库版本：${e(s.lexiconVersion)}</p></header>
<section class="overview"><h2>总体情况</h2>
<div class="cards">
<div class="card">参展单位<b>${s.exhibitors.total}</b></div>
<div class="card cleared">通过<b>${s.exhibitors.cleared}</b></div>
<div class="card review">待复核<b>${s.exhibitors.review}</b></div>
<div class="card reject">建议拒绝<b>${s.exhibitors.reject}</b></div>
</div>
<div class="cards">
<div class="card">岗位<b>${s.rows}</b></div>
<div class="card cleared">通过<b>${s.decisions.approve}</b></div>
<div class="card review">需复核<b>${s.decisions.review}</b></div>
<div class="card reject">不通过<b>${s.decisions.reject}</b></div>
<div class="card">无法检查<b>${s.errors}</b></div>
</div>
<p>统一社会信用代码（按岗位计）：有效 ${s.creditCodes.valid}，无效 ${s.creditCodes.invalid}，未填写 ${s.creditCodes.missing}。重复或可疑情况 ${s.duplicates} 处。</p>
<h3>各类问题数量</h3>
${chart(s.categories)}
<p class="muted">读取方式：${FORMAT_LABELS[s.format]}${s.encoding ? `，编码 ${e(s.encoding)}` : ''}${s.headerRow ? `，表头在第 ${s.headerRow} 行` : ''}。
列对应：${s.columns.map((c) => `${e(c.header)} → ${e(c.field)}`).join('；') || '（无）'}${s.ignoredColumns.length ? `。未使用的列：${s.ignoredColumns.map(e).join('、')}` : ''}。
“需复核”“待复核”表示可能有问题，须人工判断；“不通过”“建议拒绝”表示含有违法或明显违规内容。</p>
</section>\n`;

  if (duplicates.length) {
    yield '<section><h2>重复与可疑</h2><table><tr><th>类型</th><th>涉及行</th><th>说明</th></tr>';
    for (const d of duplicates) yield `<tr><td>${DUPLICATE_LABELS[d.kind]}</td><td>${d.rows.join('、')}</td><td>${e(d.detail)}</td></tr>`;
    yield '</table></section>\n';
  }
  if (errors.length) {
    yield '<section><h2>无法检查的行</h2><table><tr><th>行号</th><th>原因</th></tr>';
    for (const err of errors) yield `<tr><td>${err.row}</td><td>${e(err.reason)}</td></tr>`;
    yield '</table></section>\n';
  }
  yield '<section class="toc"><h2>单位一览</h2><table><tr><th>#</th><th>单位</th><th>信用代码</th><th>岗位</th><th>结论</th></tr>';
  for (const [i, x] of exhibitors.entries()) {
    yield `<tr><td>${i + 1}</td><td><a href="#ex-${i + 1}">${e(x.name)}</a></td><td>${creditCodeStatus(x.creditCodeValid)}</td><td>${x.rows.length + x.errors.length}</td><td class="${x.status}">${EXHIBITOR_STATUS_LABELS[x.status]}</td></tr>`;
  }
  yield '</table></section>\n';
  for (const [i, x] of exhibitors.entries()) yield exhibitorSection(x, i + 1) + '\n';
  yield '</body></html>\n';
}
