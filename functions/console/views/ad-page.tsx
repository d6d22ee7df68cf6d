/**
 * The ad page: the ad's head fields (company, salary, location) first, then its text with every finding
 * marked in place; beside it, in a column that stays in view on long ads, the 通过 / 驳回 forms while a
 * moderator may decide (pending, or rejected by the engine alone), the employer's appeal, and the findings
 * grouped by rule with the 误报 button on each passage; below the text, the form to mark a passage the
 * engine missed.
 */
import type { Child } from 'hono/jsx';
import { fieldText, type TextField } from '../../core/ad.js';
import { CATEGORIES, type Category } from '../../core/categories.js';
import { groupFindings, type FindingGroup } from '../../presentation/group-findings.js';
import { CATEGORY_LABELS, fieldLabel, formatTime, SEVERITY_LABELS } from '../../presentation/labels.js';
import { formatLegalBasis } from '../../presentation/legal-basis.js';
import type { Claim } from '../../store/claims.js';
import { isDecidable, type AdRecord, type FeedbackRecord, type ReviewInfo } from '../../store/model.js';
import { REASON_MAX } from '../../http/schemas.js';
import { COMMON_REJECT_REASONS, describeRecheck, ENGINE_DECISION_LABELS, formatAge, REVIEW_DECISION_LABELS, STATUS_LABELS } from '../labels.js';
import { adPath, adUrl, queueUrl } from '../urls.js';
import { CategoryChip } from './category-chip.js';
import { CsrfField, Notice, Page, type PageNotice, type Viewer } from './layout.js';
import { Legend } from './marked-ad.js';
import { findingAnchor, markAnchor, MarkedText, numberGroups, type NumberedFinding } from './marked-text.js';

export interface AdPageProps {
  viewer: Viewer;
  ad: AdRecord;
  /** Queue filter the moderator is working through: next/previous and the redirect after a decision keep it. */
  category?: Category;
  neighbours: { prev?: string; next?: string };
  /** Labels of the keys named on the page (who decided). */
  keyLabels: Map<string, string>;
  /** Who holds the ad now (the viewer, after opening it, or another moderator). */
  claim?: Claim;
  notice?: PageNotice;
  /** The reason typed before a failed submission, so it is not lost. */
  reasonDraft?: string;
  /** Moderators' feedback on the version shown. */
  feedback: FeedbackRecord[];
  now: Date;
}

/** The text fields in reading order: what a moderator looks at first (who, pay, where) before the long text. */
const HEAD_FIELDS: readonly TextField[] = ['company.name', 'salary', 'location'];
const BODY_FIELDS: readonly TextField[] = ['title', 'description', 'requirements', 'benefits', 'contact', 'company.intro'];

/** A key's label when it has one, its id otherwise. */
export function actorName(keyId: string, labels: Map<string, string>): string {
  return labels.get(keyId) ?? keyId;
}

/** "已驳回（2025/11/27 10:31，王五）。理由：…" */
export function describeReview(review: ReviewInfo, labels: Map<string, string>): string {
  const base = `${REVIEW_DECISION_LABELS[review.decision]}（${formatTime(review.at)}，${actorName(review.keyId, labels)}）`;
  return review.reason ? `${base}。理由：${review.reason}` : base;
}

function FalseAlarm(props: { ad: AdRecord; finding: NumberedFinding; feedback: FeedbackRecord[]; viewer: Viewer }) {
  const f = props.finding;
  const marked = props.feedback.some((m) => m.kind === 'false_alarm' && m.ruleId === f.ruleId && m.field === f.field && m.start === f.start && m.end === f.end);
  if (marked) return <span class="chip false-alarm-marked">已标记误报</span>;
  return (
    <form method="post" action={`${adPath(props.ad.adId)}/feedback`} class="false-alarm">
      <CsrfField token={props.viewer.csrfToken} />
      <input type="hidden" name="kind" value="false_alarm" />
      <input type="hidden" name="version" value={String(props.ad.version)} />
      <input type="hidden" name="ruleId" value={f.ruleId} />
      <input type="hidden" name="field" value={f.field} />
      <input type="hidden" name="start" value={String(f.start)} />
      <input type="hidden" name="end" value={String(f.end)} />
      <button type="submit" title="这条命中是误报：反馈给词库维护者">
        误报
      </button>
    </form>
  );
}

/**
 * The findings, one entry per rule with every passage it hit, explained once (message, law, suggestion);
 * `control` adds a page's own control to each passage (the console's 误报; the self-check page has none).
 */
export function Findings(props: { groups: FindingGroup<NumberedFinding>[]; control?: (f: NumberedFinding) => Child }) {
  if (props.groups.length === 0) return <p class="muted">引擎没有命中任何规则。</p>;
  return (
    <ol class="findings">
      {props.groups.map(({ number, lead, hits }) => (
        <li id={findingAnchor(number)} data-category={lead.category} data-rule={lead.ruleId} data-hits={String(hits.length)}>
          <div class="finding-head">
            <a class="num" href={`#${markAnchor(number)}`} title="跳到原文中的位置">
              {number}
            </a>
            <CategoryChip category={lead.category} /> <span class={`sev-${lead.severity}`}>{SEVERITY_LABELS[lead.severity]}</span>
            {hits.length > 1 ? <span class="muted"> · {hits.length} 处</span> : null}
          </div>
          <ul class="hits">
            {hits.map(({ finding }) => (
              <li>
                {/* a finding on the whole ad (what it lacks) quotes nothing */}
                {finding.text ? <span class="quote">「{finding.text}」</span> : null} <span class="muted">{fieldLabel(finding.field)}</span>
                {props.control?.(finding)}
              </li>
            ))}
          </ul>
          <dl>
            <dt>问题</dt>
            <dd>{lead.message}</dd>
            {lead.legalBasis.length > 0 ? (
              <>
                <dt>依据</dt>
                <dd>
                  <ul class="laws">
                    {lead.legalBasis.map((b) => (
                      <li>{formatLegalBasis(b)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {lead.suggestion ? (
              <>
                <dt>建议改写</dt>
                <dd>{lead.suggestion}</dd>
              </>
            ) : null}
            <dt>规则</dt>
            <dd class="muted">{lead.ruleId}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}

function DecisionForms(props: { ad: AdRecord; viewer: Viewer; category?: Category; reasonDraft?: string }) {
  const action = `${adPath(props.ad.adId)}/review`;
  // Approving what the engine rejected overturns it: the reason is required.
  const overturns = props.ad.decision === 'reject';
  const common = (
    <>
      <CsrfField token={props.viewer.csrfToken} />
      <input type="hidden" name="version" value={String(props.ad.version)} />
      <input type="hidden" name="status" value={props.ad.status} />
      {props.category ? <input type="hidden" name="category" value={props.category} /> : null}
    </>
  );
  return (
    <section class="decide panel" aria-label="审核决定" id="decide">
      <form method="post" action={action} class={overturns ? 'approve override' : 'approve'} id="approve-form">
        {common}
        <input type="hidden" name="decision" value="approve" />
        {overturns ? (
          <>
            <label class="block" for="override-reason">
              推翻引擎驳回的理由（通过时必填）
            </label>
            <textarea id="override-reason" name="reason" required maxlength={REASON_MAX} placeholder="例如：命中文字是公司介绍，不是对求职者的要求"></textarea>
          </>
        ) : null}
        <button type="submit" class="approve" id="approve-button" data-overturns={overturns ? '1' : undefined}>
          {overturns ? '推翻驳回并通过' : '通过'} <kbd>a</kbd>
        </button>
        <div class="undo" id="approve-undo" role="status" hidden>
          <span>
            <strong data-countdown></strong> 秒后通过…
          </span>
          <button type="button" id="undo-button">
            撤销 <kbd>Esc</kbd>
          </button>
        </div>
      </form>
      <form method="post" action={action} class="reject">
        {common}
        <input type="hidden" name="decision" value="reject" />
        <label class="block" for="reject-reason">
          驳回理由（必填） <kbd>r</kbd>
        </label>
        <div class="reasons" aria-label="常用理由（点击即驳回；按数字键填入理由框）">
          {COMMON_REJECT_REASONS.map((reason, i) => (
            // A preset reason is itself the submit button: one click rejects with it. Its number key only fills the box.
            <button type="submit" name="preset" value={reason} formnovalidate data-preset={String(i + 1)}>
              <kbd>{i + 1}</kbd> {reason}
            </button>
          ))}
        </div>
        <textarea id="reject-reason" name="reason" required maxlength={REASON_MAX} placeholder="填写驳回理由，或点击上方常用理由">
          {props.reasonDraft ?? ''}
        </textarea>
        <div class="reject-row">
          <span class="muted">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 提交
          </span>
          <button type="submit" class="reject">
            驳回
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * 标记漏报: the passage and its category. Selecting text in the ad fills the passage and its exact offsets
 * (console script); without script the passage is typed and found in the chosen field.
 */
function MarkMissForm(props: { ad: AdRecord; viewer: Viewer; fields: string[] }) {
  return (
    <form method="post" action={`${adPath(props.ad.adId)}/feedback`} class="mark-miss" id="mark-miss">
      <CsrfField token={props.viewer.csrfToken} />
      <input type="hidden" name="kind" value="missed" />
      <input type="hidden" name="version" value={String(props.ad.version)} />
      <input type="hidden" name="start" value="" />
      <input type="hidden" name="end" value="" />
      <h3>标记漏报</h3>
      <p class="muted">在上方原文中选中引擎漏掉的文字，再选择类别。</p>
      <div class="miss-row">
        <select name="field" aria-label="字段">
          {props.fields.map((f) => (
            // Most misses are in the description: it is the default field.
            <option value={f} selected={f === 'description'}>
              {fieldLabel(f)}
            </option>
          ))}
        </select>
        <input name="passage" required maxlength={2000} placeholder="漏报的文字" aria-label="漏报的文字" />
        <select name="category" required aria-label="类别">
          <option value="">选择类别…</option>
          {CATEGORIES.map((c) => (
            <option value={c}>{CATEGORY_LABELS[c]}</option>
          ))}
        </select>
        <button type="submit">标记漏报</button>
      </div>
    </form>
  );
}

function MarkedMisses({ feedback }: { feedback: FeedbackRecord[] }) {
  const missed = feedback.filter((f) => f.kind === 'missed');
  if (missed.length === 0) return null;
  return (
    <div class="marked-misses">
      <h3>已标记的漏报（{missed.length}）</h3>
      <ul>
        {missed.map((m) => (
          <li data-category={m.category}>
            <CategoryChip category={m.category} /> 「{m.text}」 <span class="muted">{fieldLabel(m.field)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Whose the ad is while it waits: the viewer's for a few minutes, or another moderator's (who is named). */
function claimNotice(claim: Claim | undefined, viewer: Viewer, labels: Map<string, string>): PageNotice | undefined {
  if (!claim || claim.keyId === viewer.keyId) return undefined;
  return {
    kind: 'warn',
    title: `${claim.label ?? actorName(claim.keyId, labels)} 正在处理这条广告（保留至 ${formatTime(claim.until)}）。`,
    text: '您仍可查看和决定；为免重复劳动，可先处理下一条。',
  };
}

function Field(props: { field: string; text: string; findings: NumberedFinding[] }) {
  return (
    <div class="field" data-field={props.field}>
      <h3>{fieldLabel(props.field)}</h3>
      <MarkedText text={props.text} findings={props.findings} />
    </div>
  );
}

const PAY_UNIT_LABELS = { hour: '小时', day: '天', month: '月', year: '年' } as const;

/** The posting form's structured values as text, in the order a form shows them. */
export function structuredFields(ad: AdRecord['ad']): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  for (const [key, value] of Object.entries(ad.conditions ?? {})) if (value !== undefined && value !== '') out.push({ field: `conditions.${key}`, text: String(value) });
  if (ad.headcount !== undefined) out.push({ field: 'headcount', text: `${ad.headcount} 人` });
  if (ad.pay) {
    const range = [ad.pay.min, ad.pay.max].filter((n) => n !== undefined).join('–');
    out.push({ field: 'pay', text: `${range} 元/${PAY_UNIT_LABELS[ad.pay.unit]}${ad.pay.months ? `，${ad.pay.months} 薪` : ''}` });
  }
  if (ad.validUntil) out.push({ field: 'validUntil', text: ad.validUntil });
  return out;
}

export function AdPage(props: AdPageProps) {
  const { ad, viewer, category } = props;
  const groups = numberGroups(groupFindings(ad.verdict.findings));
  const numbered = groups.flatMap((g) => g.hits.map((h) => h.finding));
  const fieldsOf = (list: readonly TextField[]) =>
    list.flatMap((field) => {
      const text = fieldText(ad.ad, field);
      return text ? [{ field, text, findings: numbered.filter((f) => f.field === field) }] : [];
    });
  // The posting form's values read as head fields: a condition's finding marks its value (conditions.gender: 男).
  const head = [...fieldsOf(HEAD_FIELDS), ...structuredFields(ad.ad).map((f) => ({ ...f, findings: numbered.filter((n) => n.field === f.field) }))];
  const body = fieldsOf(BODY_FIELDS);
  const decidable = isDecidable(ad);
  const heldByOther = claimNotice(props.claim, viewer, props.keyLabels);
  return (
    <Page title={ad.title} viewer={viewer} section="queue" shortcuts={decidable ? 'decide' : 'ad'}>
      <div class="ad-head">
        <h1>{ad.title}</h1>
        <span class="chip">{STATUS_LABELS[ad.status]}</span>
        <span class="muted">
          {ad.ad.company?.name ? `${ad.ad.company.name} · ` : ''}账号 {ad.tenant} · 第 {ad.version} 版 · 引擎：{ENGINE_DECISION_LABELS[ad.decision]}
          {ad.queuedAt ? ` · 已等待 ${formatAge(ad.queuedAt, props.now)}` : ''}
        </span>
        <nav class="ad-nav">
          {props.neighbours.prev ? (
            <a href={adUrl(props.neighbours.prev, category)} rel="prev">
              « 上一条
            </a>
          ) : null}
          {props.neighbours.next ? (
            <a href={adUrl(props.neighbours.next, category)} rel="next">
              下一条 »
            </a>
          ) : null}
          <a href={queueUrl({ category })}>返回队列</a>
          <a href={`${adPath(ad.adId)}/history`}>历史记录</a>
        </nav>
      </div>
      {props.notice ? <Notice notice={props.notice} /> : null}
      {heldByOther ? <Notice notice={heldByOther} /> : null}
      {ad.recheck ? <Notice notice={{ kind: 'warn', title: describeRecheck(ad.recheck), text: `复查于 ${formatTime(ad.recheck.at)}。请人工确认。` }} /> : null}
      {!decidable && ad.review && !props.notice ? (
        <Notice notice={{ kind: ad.status === 'approved' ? 'ok' : 'warn', title: `审核结果：${describeReview(ad.review, props.keyLabels)}` }} />
      ) : null}
      <div class="ad-grid">
        <section class="panel ad-text" aria-label="广告原文">
          {head.length > 0 ? (
            <div class="head-fields">
              {head.map((f) => (
                <Field {...f} />
              ))}
            </div>
          ) : null}
          {body.map((f) => (
            <Field {...f} />
          ))}
          <Legend findings={numbered} />
          <MarkMissForm ad={ad} viewer={viewer} fields={[...head, ...body].map((f) => f.field)} />
        </section>
        <aside class="side">
          {decidable ? <DecisionForms ad={ad} viewer={viewer} category={category} reasonDraft={props.reasonDraft} /> : null}
          <section class="panel" aria-label="命中项">
            {ad.appeal && ad.appeal.version === ad.version ? (
              <div class="appeal-box" id="appeal" role="note">
                <strong>
                  招聘方申诉（第 {ad.appeal.version} 版 · {formatTime(ad.appeal.at)}）
                </strong>
                <p>{ad.appeal.reason}</p>
              </div>
            ) : null}
            <h2>
              命中项（{groups.length} 条规则{numbered.length > groups.length ? `，${numbered.length} 处` : ''}）
            </h2>
            <Findings groups={groups} control={(f) => <FalseAlarm ad={ad} finding={f} feedback={props.feedback} viewer={viewer} />} />
            <MarkedMisses feedback={props.feedback} />
            <p class="muted">
              词库版本 {ad.lexiconVersion} · 检查于 {formatTime(ad.verdict.checkedAt)}
            </p>
          </section>
        </aside>
      </div>
    </Page>
  );
}
