/**
 * The HTML report: one self-contained, printable file in Chinese. The organiser's summary comes first
 * (exhibitors by outcome, jobs by decision, findings per category as an inline SVG chart, the list of
 * exhibitors with their rows, duplicates and unreadable rows), then one letter per exhibitor, each
 * starting on a new printed page, that the centre can send to that exhibitor. Printed pages are numbered.
 *
 * Every piece of text in it comes from the exhibitors' spreadsheet and is escaped; a CSP forbids scripts
 * and any network access should an escape ever be missed.
 */
import { CATEGORIES, type Category } from '../core/categories.js';
import { escapeHtml as e } from './escape-html.js';
import { CATEGORY_COLOURS, CATEGORY_LABELS, creditCodeStatus, DUPLICATE_LABELS, formatDate, formatTime, JOB_DECISION_LABELS, OUTCOME_LABELS, PRESCREEN_FIELD_LABELS } from './labels.js';
import { exhibitorLetter } from './letter.js';
import type { PrescreenResult, PrescreenSummary } from './types.js';

export { escapeHtml } from './escape-html.js';

const FORMAT_LABELS = { csv: 'CSV', xlsx: 'Excel (XLSX)', jsonl: 'JSON Lines', json: 'JSON' } as const;

const STYLE = `
:root { --ok: #1a7f37; --review: #9a6700; --reject: #cf222e; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif;
  color: #1f2328; margin: 0 auto; max-width: 960px; padding: 24px; line-height: 1.6; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
h2, h3 { break-after: avoid; }
tr { break-inside: avoid; }
.meta, .muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
.card.pass b, .approve, .pass { color: var(--ok); } .card.review b, .review, .fix, .card.fix b { color: var(--review); } .card.reject b, .reject, .refuse, .card.refuse b { color: var(--reject); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
.badge { display: inline-block; border-radius: 10px; padding: 0 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; margin-left: 8px; vertical-align: middle; }
.letter-head .fair { margin: 0; color: var(--muted); }
.letter-head h2 { margin-top: 4px; }
.verdict { border-left: 4px solid currentColor; padding: 6px 12px; background: #f6f8fa; color: #1f2328; }
.verdict.pass { border-color: var(--ok); } .verdict.fix { border-color: var(--review); } .verdict.refuse { border-color: var(--reject); }
.todo li, .refusal li { margin-bottom: 4px; }
.hint { color: #0a3069; font-size: 13px; }
.job { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
.job h3 { margin: 0 0 6px; }
.excerpt { background: #f6f8fa; border-left: 3px solid var(--line); margin: 6px 0; padding: 6px 10px; white-space: pre-wrap; overflow-wrap: anywhere; }
.excerpt .field { color: var(--muted); font-size: 12px; margin-right: 6px; }
mark { padding: 0 1px; border-bottom: 2px solid var(--review); color: inherit; }
mark.sev-reject { border-bottom-color: var(--reject); }
mark sup { font-size: 10px; font-weight: 700; }
.findings { margin: 6px 0 0; padding-left: 22px; }
.findings li { margin-bottom: 6px; }
.cat { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; }
.law, .fix { font-size: 13px; } .findings .fix { color: #0a3069; }
.letter-foot { margin-top: 16px; border-top: 1px dashed var(--line); padding-top: 6px; }
.letter-foot p { margin: 2px 0; }
.chart { max-width: 100%; height: auto; } /* scales down with its viewBox on a phone */
.chart text { font-size: 13px; fill: #1f2328; }
@media (max-width: 600px) { body { padding: 12px; } }
a { color: #0969da; text-decoration: none; }
@page { size: A4; margin: 14mm 14mm 16mm;
  @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; color: #57606a; } }
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
  const barWidth = 260; // the whole chart (416 px) barely shrinks on a phone, so its labels stay legible
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

function card(label: string, value: number, kind = ''): string {
  return `<div class="card ${kind}">${label}<b>${value}</b></div>`;
}

function overview(s: PrescreenSummary): string {
  const letter = s.letter ?? {};
  const columns = s.columns.map((c) => `“${e(c.header)}”作为${PRESCREEN_FIELD_LABELS[c.field]}`).join('；') || '（无）';
  const extra = [letter.contact ? `联系方式：${e(letter.contact)}` : '', letter.deadline ? `修改截止：${formatDate(letter.deadline)}` : ''].filter(Boolean).join(' · ');
  return `<header><h1>${letter.fairName ? e(letter.fairName) : '双选会'}招聘信息预审报告</h1>
<p class="meta">文件：${e(s.source)} · 预审时间：${e(formatTime(s.checkedAt))} · 规则库版本：${e(s.lexiconVersion)}${extra ? `<br>${extra}` : ''}</p></header>
<section class="overview"><h2>总体情况（主办方用）</h2>
<div class="cards">${card('参展单位', s.exhibitors.total)}${card(OUTCOME_LABELS.pass, s.exhibitors.pass, 'pass')}${card(OUTCOME_LABELS.fix, s.exhibitors.fix, 'fix')}${card(OUTCOME_LABELS.refuse, s.exhibitors.refuse, 'refuse')}</div>
<div class="cards">${card('岗位', s.rows)}${card(`岗位${JOB_DECISION_LABELS.approve}`, s.decisions.approve, 'pass')}${card(`岗位${JOB_DECISION_LABELS.review}`, s.decisions.review, 'review')}${card(`岗位${JOB_DECISION_LABELS.reject}`, s.decisions.reject, 'reject')}${card('无法读取', s.errors)}</div>
<p>统一社会信用代码（按单位计）：有效 ${s.creditCodes.valid} 家，校验未通过 ${s.creditCodes.invalid} 家，未填写 ${s.creditCodes.missing} 家。重复或可疑情况 ${s.duplicates} 处。</p>
<h3>各类问题数量</h3>
${chart(s.categories)}
<p class="muted">读取方式：${FORMAT_LABELS[s.format]}${s.encoding ? `，编码 ${e(s.encoding)}` : ''}${s.headerRow ? `，表头在第 ${s.headerRow} 行` : ''}。
读取的列：${columns}${s.ignoredColumns.length ? `。未使用的列：${s.ignoredColumns.map(e).join('、')}` : ''}。</p>
<p class="muted">岗位“${JOB_DECISION_LABELS.review}”表示可能有问题、须人工判断，“${JOB_DECISION_LABELS.reject}”表示含有违法或明显违规的内容。
单位“${OUTCOME_LABELS.fix}”表示修改措辞、补正信用代码或数据后可以参展；“${OUTCOME_LABELS.refuse}”表示要求求职者缴费或涉嫌欺诈，改措辞也不能参展。</p>
</section>\n`;
}

export function* htmlReport(result: PrescreenResult): Generator<string> {
  const { summary: s, exhibitors, duplicates, errors } = result;
  yield `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s.letter?.fairName ? e(s.letter.fairName) : '双选会'}招聘信息预审报告 · ${e(s.source)}</title>
<style>${STYLE}</style></head><body>
${overview(s)}`;
  yield '<section class="toc"><h2>单位一览</h2><table><thead><tr><th>#</th><th>单位</th><th>信用代码</th><th>岗位</th><th>所在行</th><th>单位结论</th><th>待处理事项</th></tr></thead>';
  for (const [i, x] of exhibitors.entries()) {
    const rows = [...x.rows, ...x.errors].map((r) => r.row).sort((a, b) => a - b);
    const code = creditCodeStatus(x.creditCodeValid);
    yield `<tr><td>${i + 1}</td><td><a href="#ex-${i + 1}">${e(x.name)}</a></td><td>${code}</td><td>${rows.length}</td><td>${rows.join('、')}</td><td class="${x.outcome}">${OUTCOME_LABELS[x.outcome]}</td><td>${x.problems.length}</td></tr>`;
  }
  yield '</table></section>\n';
  if (duplicates.length) {
    yield '<section><h2>重复与可疑</h2><table><thead><tr><th>类型</th><th>所在行</th><th>说明</th></tr></thead>';
    for (const d of duplicates) yield `<tr><td>${DUPLICATE_LABELS[d.kind]}</td><td>${d.rows.join('、')}</td><td>${e(d.detail)}</td></tr>`;
    yield '</table></section>\n';
  }
  if (errors.length) {
    yield '<section><h2>无法读取的行</h2><table><thead><tr><th>行号</th><th>单位</th><th>岗位</th><th>原因</th></tr></thead>';
    for (const err of errors) yield `<tr><td>${err.row}</td><td>${e(err.company ?? '')}</td><td>${e(err.title ?? '')}</td><td>${e(err.reason)}</td></tr>`;
    yield '</table></section>\n';
  }
  for (const [i, x] of exhibitors.entries()) yield exhibitorLetter(x, i + 1, s.letter ?? {}, s.checkedAt) + '\n';
  yield '</body></html>\n';
}
