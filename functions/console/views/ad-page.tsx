/**
 * The ad page: the original text with every finding marked in place, the findings explained beside it,
 * and the 通过 / 驳回 forms while the ad is pending.
 */
import type { Category } from '../../core/categories.js';
import type { AdRecord, ReviewInfo } from '../../store/model.js';
import {
  COMMON_REJECT_REASONS,
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

export function Findings({ findings }: { findings: NumberedFinding[] }) {
  if (findings.length === 0) return <p class="muted">引擎没有命中任何规则。</p>;
  return (
    <ol class="findings">
      {findings.map((f) => (
        <li id={findingAnchor(f.index)} data-category={f.category} data-rule={f.ruleId}>
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
  const common = (
    <>
      <CsrfField token={props.viewer.csrfToken} />
      <input type="hidden" name="version" value={String(props.ad.version)} />
      {props.category ? <input type="hidden" name="category" value={props.category} /> : null}
    </>
  );
  return (
    <section class="decide panel" aria-label="审核决定">
      <form method="post" action={action}>
        {common}
        <input type="hidden" name="decision" value="approve" />
        <button type="submit" class="approve" id="approve-button">
          通过 <kbd>a</kbd>
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
      {ad.status === 'pending_review' ? (
        <DecisionForms ad={ad} viewer={viewer} category={category} reasonDraft={props.reasonDraft} />
      ) : ad.review && !props.notice ? (
        <Notice notice={{ kind: ad.status === 'approved' ? 'ok' : 'warn', title: `审核结果：${describeReview(ad.review, props.keyLabels)}` }} />
      ) : null}
      <div class="ad-grid">
        <section class="panel" aria-label="广告原文">
          <h2>广告原文</h2>
          <MarkedAd ad={ad.ad} findings={findings} />
        </section>
        <section class="panel" aria-label="命中项">
          <h2>命中项（{findings.length}）</h2>
          <Findings findings={findings} />
          <p class="muted">
            词库版本 {ad.lexiconVersion} · 检查于 {formatTime(ad.verdict.checkedAt)}
          </p>
        </section>
      </div>
    </Page>
  );
}

