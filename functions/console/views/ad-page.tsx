/**
 * The ad page: the original text with every finding marked in place, the findings explained beside it
 * (with the employer's appeal, when there is one), the 通过 / 驳回 forms while a moderator may decide
 * (pending, or rejected by the engine alone), and the feedback forms: 误报 on each finding, and marking a
 * passage the engine missed.
 */
import type { Child } from 'hono/jsx';
import { fieldText, TEXT_FIELDS } from '../../core/ad.js';
import { CATEGORIES, type Category } from '../../core/categories.js';
import { isDecidable, type AdRecord, type FeedbackRecord, type ReviewInfo } from '../../store/model.js';
import {
  CATEGORY_LABELS,
  COMMON_REJECT_REASONS,
  describeRecheck,
  ENGINE_DECISION_LABELS,
  FIELD_LABELS,
  formatAge,
  formatTime,
  REVIEW_DECISION_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../labels.js';
import { CategoryChip } from './category-chip.js';
import { adPath, adUrl, queueUrl } from '../urls.js';
import { CsrfField, Notice, Page, type PageNotice, type Viewer } from './layout.js';
import { MarkedAd } from './marked-ad.js';
import { findingAnchor, markAnchor, type NumberedFinding } from './marked-text.js';

export interface AdPageProps {
  viewer: Viewer;
  ad: AdRecord;
  /** Queue filter the moderator is working through: next/previous and the redirect after a decision keep it. */
  category?: Category;
  neighbours: { prev?: string; next?: string };
  /** Labels of the keys named on the page (who decided). */
  keyLabels: Map<string, string>;
  notice?: PageNotice;
  /** The reason typed before a failed submission, so it is not lost. */
  reasonDraft?: string;
  /** Moderators' feedback on the version shown. */
  feedback: FeedbackRecord[];
  now: Date;
}

/** "审核员 王五（k1a2b3c4d5）": the label when the key has one, the key id always. */
export function actorName(keyId: string, labels: Map<string, string>): string {
  const label = labels.get(keyId);
  return label ? `${label}（${keyId}）` : keyId;
}

/** "已驳回（2025/11/27 10:31，审核员 …）理由：…" */
export function describeReview(review: ReviewInfo, labels: Map<string, string>): string {
  const base = `${REVIEW_DECISION_LABELS[review.decision]}（${formatTime(review.at)}，审核员 ${actorName(review.keyId, labels)}）`;
  return review.reason ? `${base}。理由：${review.reason}` : base;
}

/** Law names come with or without 《》 depending on the lexicon entry: show them with exactly one pair. */
function lawTitle(law: string): string {
  return law.startsWith('《') ? law : `《${law}》`;
}

/** The console's 误报 control on a finding: a form, or a chip once a moderator has marked it. */
function FalseAlarm(props: { ad: AdRecord; finding: NumberedFinding; feedback: FeedbackRecord[]; viewer: Viewer }) {
  const { ad, finding: f } = props;
  if (props.feedback.some((m) => m.kind === 'false_alarm' && m.ruleId === f.ruleId && m.field === f.field && m.start === f.start && m.end === f.end)) {
    return <span class="chip false-alarm-marked">已标记误报</span>;
  }
  return (
    <form method="post" action={`${adPath(ad.adId)}/feedback`} class="false-alarm">
      <CsrfField token={props.viewer.csrfToken} />
      <input type="hidden" name="kind" value="false_alarm" />
      <input type="hidden" name="version" value={String(ad.version)} />
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

/** The findings explained (message, law, suggestion); `control` adds a page's own control to each (the console's 误报). */
export function Findings({ findings, control }: { findings: NumberedFinding[]; control?: (f: NumberedFinding) => Child }) {
  if (findings.length === 0) return <p class="muted">引擎没有命中任何规则。</p>;
  return (
    <ol class="findings">
      {findings.map((f) => (
        <li id={findingAnchor(f.index)} data-category={f.category} data-rule={f.ruleId}>
          {control?.(f)}
          <div>
            <a href={`#${markAnchor(f.index)}`}>{f.index + 1}.</a> <CategoryChip category={f.category} />{' '}
            <span class={`sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>{' '}
            <span class="quote">「{f.text}」</span> <span class="muted">{FIELD_LABELS[f.field] ?? f.field}</span>
          </div>
          <dl>
            <dt>问题</dt>
            <dd>{f.message}</dd>
            {f.legalBasis.length > 0 ? (
              <>
                <dt>依据</dt>
                <dd>
                  {f.legalBasis.map((b, i) => (
                    <>
                      {i > 0 ? '；' : ''}
                      {lawTitle(b.law)}
                      {b.article}
                    </>
                  ))}
                </dd>
              </>
            ) : null}
            {f.suggestion ? (
              <>
                <dt>建议改写</dt>
                <dd>{f.suggestion}</dd>
              </>
            ) : null}
            <dt>规则</dt>
            <dd class="muted">{f.ruleId}</dd>
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
    <section class="decide panel" aria-label="审核决定">
      <form method="post" action={action} class={overturns ? 'approve override' : 'approve'}>
        {common}
        <input type="hidden" name="decision" value="approve" />
        {overturns ? (
          <>
            <label class="block" for="override-reason">
              推翻引擎驳回的理由（通过时必填）
            </label>
            <textarea id="override-reason" name="reason" required maxlength={2000} placeholder="例如：命中文字是公司介绍，不是对求职者的要求"></textarea>
          </>
        ) : null}
        <button type="submit" class="approve" id="approve-button">
          {overturns ? '推翻驳回并通过' : '通过'} <kbd>a</kbd>
        </button>
      </form>
      <form method="post" action={action} class="reject">
        {common}
        <input type="hidden" name="decision" value="reject" />
        <label class="block" for="reject-reason">
          驳回理由（必填） <kbd>r</kbd>
        </label>
        <div class="reasons" aria-label="常用理由（点击即驳回）">
          <span class="muted">常用理由，点击即驳回：</span>
          {COMMON_REJECT_REASONS.map((reason) => (
            // A preset reason is itself the submit button: one click rejects with it.
            <button type="submit" name="preset" value={reason} formnovalidate>
              {reason}
            </button>
          ))}
        </div>
        <div class="reject-row">
          <textarea id="reject-reason" name="reason" required maxlength={500} placeholder="填写驳回理由，或点击上方常用理由">
            {props.reasonDraft ?? ''}
          </textarea>
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
              {FIELD_LABELS[f] ?? f}
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
            <CategoryChip category={m.category} /> 「{m.text}」 <span class="muted">{FIELD_LABELS[m.field] ?? m.field}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AdPage(props: AdPageProps) {
  const { ad, viewer, category } = props;
  const findings: NumberedFinding[] = ad.verdict.findings.map((f, index) => ({ ...f, index }));
  return (
    <Page title={ad.title} viewer={viewer} section="queue">
      <div class="ad-head">
        <h1>{ad.title}</h1>
        <span class="chip">{STATUS_LABELS[ad.status]}</span>
        <span class="muted">
          {ad.tenant} · 第 {ad.version} 版 · 引擎：{ENGINE_DECISION_LABELS[ad.decision]}
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
      {props.notice ? (
        <Notice notice={props.notice} />
      ) : null}
      {ad.recheck ? <Notice notice={{ kind: 'warn', title: describeRecheck(ad.recheck), text: `复查于 ${formatTime(ad.recheck.at)}。请人工确认。` }} /> : null}
      {isDecidable(ad) ? (
        <DecisionForms ad={ad} viewer={viewer} category={category} reasonDraft={props.reasonDraft} />
      ) : ad.review && !props.notice ? (
        <Notice notice={{ kind: ad.status === 'approved' ? 'ok' : 'warn', title: `审核结果：${describeReview(ad.review, props.keyLabels)}` }} />
      ) : null}
      <div class="ad-grid">
        <section class="panel" aria-label="广告原文">
          <h2>广告原文</h2>
          <MarkedAd ad={ad.ad} findings={findings}>
            <MarkMissForm ad={ad} viewer={viewer} fields={TEXT_FIELDS.filter((f) => fieldText(ad.ad, f))} />
          </MarkedAd>
        </section>
        <section class="panel" aria-label="命中项">
          {ad.appeal && ad.appeal.version === ad.version ? (
            <div class="appeal-box" id="appeal" role="note">
              <strong>
                招聘方申诉（第 {ad.appeal.version} 版 · {formatTime(ad.appeal.at)}）
              </strong>
              <p>{ad.appeal.reason}</p>
            </div>
          ) : null}
          <h2>命中项（{findings.length}）</h2>
          <Findings findings={findings} control={(f) => <FalseAlarm ad={ad} finding={f} feedback={props.feedback} viewer={viewer} />} />
          <MarkedMisses feedback={props.feedback} />
          <p class="muted">
            词库版本 {ad.lexiconVersion} · 检查于 {formatTime(ad.verdict.checkedAt)}
          </p>
        </section>
      </div>
    </Page>
  );
}

