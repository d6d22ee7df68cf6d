/**
 * One exhibitor's letter in the HTML report: what the centre decided and why, in words the exhibitor can
 * act on. It says only what applies (no code paragraph for a valid code, no rewording advice where no
 * rewording helps), and names jobs by title: the master sheet's row numbers stay in the organiser's summary.
 */
import type { Finding } from '../core/verdict.js';
import { groupFindings, groupNumbers, type FindingGroup } from '../presentation/group-findings.js';
import { layoutHighlights, type HighlightNode } from '../presentation/highlight.js';
import { formatLegalBasis } from '../presentation/legal-basis.js';
import { escapeHtml as e } from './escape-html.js';
import { NO_COMPANY } from './exhibitors.js';
import { CATEGORY_COLOURS, CATEGORY_LABELS, EXCEL_HINT, fieldLabel, formatDate, formatTime, JOB_DECISION_LABELS, OUTCOME_LABELS, SEVERITY_LABELS } from './labels.js';
import type { Excerpt, Exhibitor, ExhibitorProblem, LetterDetails, RowResult } from './types.js';

/**
 * The lexicons' suggestions are written for a job board, whose platform reviews a justified exception; at a
 * fair the organiser does. Only the wording changes, never the advice.
 */
const forExhibitor = (suggestion: string) => suggestion.replace(/由平台复核/g, '由主办方复核');

/** Fraud and fees: the job must go, so no suggestion is given for how to word it. */
const rewordable = (f: Finding) => f.category !== 'fraud' && f.category !== 'fee_charging';

type Mark = { start: number; end: number; finding: Finding; n: number };

function renderNodes(nodes: HighlightNode<Mark>[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return e(node);
      const { finding, n } = node.finding;
      const sup = node.first ? `<sup>${n}</sup>` : '';
      return `<mark class="sev-${finding.severity}" style="background:${CATEGORY_COLOURS[finding.category]}" title="${e(CATEGORY_LABELS[finding.category])}">${renderNodes(node.children)}${sup}</mark>`;
    })
    .join('');
}

function excerpt(x: Excerpt, findings: Finding[], numbers: number[]): string {
  const marks = x.marks.map((m) => ({ start: m.start, end: m.end, finding: findings[m.index]!, n: numbers[m.index]! }));
  const text = renderNodes(layoutHighlights(x.text, marks));
  return `<div class="excerpt"><span class="field">${e(fieldLabel(x.field))}</span>${x.cutBefore ? '…' : ''}${text}${x.cutAfter ? '…' : ''}</div>`;
}

function findingGroup({ number, lead, hits }: FindingGroup<Finding>): string {
  const laws = lead.legalBasis.map((b) => e(formatLegalBasis(b))).join('；');
  const quotes = [...new Set(hits.map((h) => `“${e(h.finding.text)}”`))].join('、');
  return (
    `<li value="${number}"><span class="cat" style="background:${CATEGORY_COLOURS[lead.category]}">${e(CATEGORY_LABELS[lead.category])}</span> ` +
    `<b class="${lead.severity}">${e(SEVERITY_LABELS[lead.severity])}</b> ${quotes}：${e(lead.message)}` +
    (laws ? `<div class="law">法律依据：${laws}</div>` : '') +
    (lead.suggestion && rewordable(lead) ? `<div class="fix">修改建议：${e(forExhibitor(lead.suggestion))}</div>` : '') +
    '</li>'
  );
}

/** A job with the findings `keep` selects: the text around them, marked and numbered, then one entry per rule. */
function job(r: RowResult, keep: (f: Finding) => boolean): string {
  const kept = r.findings.flatMap((f, i) => (keep(f) ? [i] : []));
  const findings = kept.map((i) => r.findings[i]!);
  const groups = groupFindings(findings);
  const numbers = groupNumbers(groups);
  // Excerpt marks point into all the row's findings: renumber them into the kept ones, drop the rest.
  const position = new Map(kept.map((original, at) => [original, at]));
  const excerpts = r.excerpts
    .map((x) => ({ ...x, marks: x.marks.flatMap((m) => (position.has(m.index) ? [{ ...m, index: position.get(m.index)! }] : [])) }))
    .filter((x) => x.marks.length > 0);
  return (
    `<div class="job"><h3>${e(r.title || '（未填写岗位名称）')}<span class="badge ${r.decision}">${JOB_DECISION_LABELS[r.decision]}</span></h3>` +
    excerpts.map((x) => excerpt(x, findings, numbers)).join('') +
    `<ol class="findings">${groups.map(findingGroup).join('')}</ol></div>`
  );
}

const counted = (f: Finding) => f.severity !== 'notice';
const notice = (f: Finding) => f.severity === 'notice';

const titles = (rows: RowResult[]) => [...new Set(rows.map((r) => `“${e(r.title || '（未填写岗位名称）')}”`))].join('、');

function problemItem(p: ExhibitorProblem): string {
  return `<li>${e(p.text)}${p.excel ? `<div class="hint">${e(EXCEL_HINT)}</div>` : ''}</li>`;
}

function verdict(x: Exhibitor, details: LetterDetails): string {
  if (x.outcome === 'pass') return `贵单位提交的 ${x.rows.length} 个岗位经预审未发现问题，可按计划参展。`;
  if (x.outcome === 'refuse') {
    const fee = x.problems.some((p) => p.kind === 'fee');
    const fraud = x.problems.some((p) => p.kind === 'fraud');
    const what = fee && fraud ? '要求求职者缴纳费用，并含有涉嫌欺诈的内容' : fee ? '要求求职者缴纳费用' : '含有涉嫌欺诈的内容';
    const law = fee && fraud ? '向求职者收取财物、以招聘为名实施欺诈' : fee ? '招聘中向求职者收取财物' : '以招聘为名实施欺诈';
    return `贵单位提交的招聘信息${what}。${law}为法律所禁止，不能通过修改措辞解决。本次双选会不予安排贵单位参展。`;
  }
  const by = details.deadline ? `请于 ${formatDate(details.deadline)} 前` : '请';
  return `贵单位提交的招聘信息有以下需要处理的事项。${by}按要求修改后重新提交，经复核通过后方可在双选会发布。`;
}

function refusal(x: Exhibitor): string {
  const unlawful = x.problems.filter((p) => p.kind === 'fee' || p.kind === 'fraud');
  const bases = new Set(
    x.rows.flatMap((r) => r.findings.filter((f) => !rewordable(f) && f.severity === 'reject').flatMap((f) => f.legalBasis.map(formatLegalBasis))),
  );
  return `<ul class="refusal">${unlawful.map(problemItem).join('')}</ul>` + (bases.size ? `<p class="law">依据：${[...bases].map(e).join('；')}</p>` : '');
}

function corrections(x: Exhibitor): string {
  const todo = x.problems.filter((p) => p.kind !== 'wording');
  const flagged = x.rows.filter((r) => r.findings.some(counted));
  const clean = x.rows.filter((r) => !flagged.includes(r));
  return [
    todo.length ? `<h3>需要处理的事项</h3><ol class="todo">${todo.map(problemItem).join('')}</ol>` : '',
    flagged.length ? `<h3>需要修改的岗位</h3>${flagged.map((r) => job(r, counted)).join('')}` : '',
    clean.length ? `<p class="clean">以下岗位未发现问题：${titles(clean)}。</p>` : '',
  ].join('');
}

/**
 * 要素不全 and other notices: worth adding, never a reason to hold the exhibitor back, so one short line per job
 * and message (a job submitted twice says it once), and each different suggestion once after them.
 */
function notices(x: Exhibitor): string {
  const found = x.rows.flatMap((r) => r.findings.filter(notice).map((f) => ({ r, f })));
  if (!found.length) return '';
  const lines = [...new Set(found.map(({ r, f }) => `<li>${titles([r])}：${e(f.message)}</li>`))];
  const advice = [...new Set(found.flatMap(({ f }) => (f.suggestion ? [`<div class="fix">${e(f.suggestion)}</div>`] : [])))];
  return `<h3>提示（不影响参展）</h3><ul class="notices">${lines.join('')}</ul>${advice.join('')}`;
}

export function exhibitorLetter(x: Exhibitor, index: number, details: LetterDetails, checkedAt: string): string {
  const fair = details.fairName ? e(details.fairName) : '双选会';
  const codes = x.creditCodes.length ? x.creditCodes.map(e).join('、') : '未填写';
  return [
    `<section class="exhibitor" id="ex-${index}" data-outcome="${x.outcome}">`,
    `<header class="letter-head"><p class="fair">${fair} · 招聘信息预审结果</p>`,
    `<h2>${x.name === NO_COMPANY ? e(x.name) : `致 ${e(x.name)}`}<span class="badge ${x.outcome}">${OUTCOME_LABELS[x.outcome]}</span></h2>`,
    `<p class="meta">统一社会信用代码：${codes} · 提交岗位 ${x.rows.length + x.errors.length} 个</p></header>`,
    `<p class="verdict ${x.outcome}"><b>结论：${OUTCOME_LABELS[x.outcome]}。</b>${e(verdict(x, details))}</p>`,
    x.outcome === 'refuse' ? refusal(x) : x.outcome === 'fix' ? corrections(x) : x.rows.length ? `<p class="clean">岗位：${titles(x.rows)}。</p>` : '',
    x.outcome === 'refuse' ? '' : notices(x),
    '<footer class="letter-foot">',
    details.contact ? `<p>如有疑问，请联系：${e(details.contact)}</p>` : '',
    `<p class="muted">${fair} · 预审于 ${e(formatTime(checkedAt))}</p>`,
    '</footer></section>',
  ].join('\n');
}
