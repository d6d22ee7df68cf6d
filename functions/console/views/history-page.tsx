/**
 * History of one ad: every version with its verdict and what changed since the version before (text
 * by character, findings by category), every decision, appeal and feedback, who and when.
 */
import { fieldText, TEXT_FIELDS } from '../../core/ad.js';
import type { Category } from '../../core/categories.js';
import { groupFindings } from '../../presentation/group-findings.js';
import { CATEGORY_LABELS, fieldLabel, formatTime } from '../../presentation/labels.js';
import { diffText } from '../../presentation/text-diff.js';
import type { AdHistory, HistoryEvent } from '../../store/model.js';
import { ENGINE_DECISION_LABELS, REVIEW_DECISION_LABELS, STATUS_LABELS } from '../labels.js';
import { adPath } from '../urls.js';
import { actorName } from './ad-page.js';
import { CategoryChip } from './category-chip.js';
import { Page, type Viewer } from './layout.js';
import { MarkedText, numberGroups } from './marked-text.js';

const EVENT_LABELS: Record<HistoryEvent['type'], string> = {
  submitted: '提交',
  revised: '修改',
  rechecked: '新规则重新检查',
  reviewed: '人工审核',
  appealed: '招聘方申诉',
  feedback: '审核员反馈',
};

const ROLE_LABELS: Record<string, string> = {
  employer: '招聘方',
  moderator: '审核员',
  organizer: '招聘会主办方',
  admin: '管理员',
  system: '系统',
};

type VersionEvent = Extract<HistoryEvent, { type: 'submitted' | 'revised' | 'rechecked' }>;
const isVersionEvent = (e: HistoryEvent): e is VersionEvent => e.type === 'submitted' || e.type === 'revised' || e.type === 'rechecked';

/** The result column: the decision of a review, the status an event left the ad in otherwise. */
function outcome(event: HistoryEvent): string {
  if (event.type !== 'reviewed') return STATUS_LABELS[event.status];
  return `${REVIEW_DECISION_LABELS[event.decision]}${event.overrodeEngine ? '（推翻引擎驳回）' : ''}`;
}

/** The details column of the events that are not versions. */
function EventDetails({ event }: { event: Exclude<HistoryEvent, VersionEvent> }) {
  if (event.type === 'reviewed') return <>{event.reason ? `理由：${event.reason}` : ''}</>;
  if (event.type === 'appealed') return <>申诉理由：{event.reason}</>;
  const f = event.feedback;
  const what = f.kind === 'false_alarm' ? `误报（${f.ruleId}）` : `漏报（${CATEGORY_LABELS[f.category]}）`;
  return (
    <>
      {what}：「{f.text}」 <span class="muted">{fieldLabel(f.field)} · 第 {event.version} 版</span>
      {f.note ? <div>备注：{f.note}</div> : null}
    </>
  );
}

const categoriesOf = (e: VersionEvent) => [...new Set(e.verdict.findings.map((f) => f.category))] as Category[];

function CategoryList(props: { class: string; label: string; categories: Category[] }) {
  if (props.categories.length === 0) return null;
  return (
    <span class={props.class}>
      {props.label}
      {props.categories.map((c) => (
        <CategoryChip category={c} />
      ))}
    </span>
  );
}

/** What a version changed against the one before: each edited field as a character diff, and the findings' categories. */
function VersionDiff({ event, previous }: { event: VersionEvent; previous: VersionEvent }) {
  const changed = TEXT_FIELDS.flatMap((field) => {
    const before = fieldText(previous.ad, field) ?? '';
    const after = fieldText(event.ad, field) ?? '';
    return before === after ? [] : [{ field, parts: diffText(before, after) }];
  });
  const was = new Set(categoriesOf(previous));
  const now = new Set(categoriesOf(event));
  const gone = [...was].filter((c) => !now.has(c));
  const added = [...now].filter((c) => !was.has(c));
  const otherEdits = changed.length === 0 && event.contentHash !== previous.contentHash;
  return (
    <div class="version-diff" data-diff-from={String(previous.version)}>
      <strong>与第 {previous.version} 版相比：</strong>
      {changed.length === 0 ? <span class="muted">{otherEdits ? '文字未变，结构化信息（条件、人数、薪资范围等）有改动。' : '文字未变。'}</span> : null}
      {changed.map(({ field, parts }) => (
        <div class="diff-field" data-field={field}>
          <span class="muted">{fieldLabel(field)}</span>
          <p class="diff">
            {parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? <ins>{p.text}</ins> : <del>{p.text}</del>))}
          </p>
        </div>
      ))}
      <div>
        <CategoryList class="cats-gone" label="不再命中：" categories={gone} /> <CategoryList class="cats-added" label="新增命中：" categories={added} />
      </div>
    </div>
  );
}

function VersionDetails({ event, previous }: { event: VersionEvent; previous?: VersionEvent }) {
  const groups = numberGroups(groupFindings(event.verdict.findings));
  const findings = groups.flatMap((g) => g.hits.map((h) => h.finding));
  return (
    <>
      <div>
        引擎：{ENGINE_DECISION_LABELS[event.verdict.decision]} · 命中 {findings.length} 处{' '}
        {categoriesOf(event).map((c) => (
          <CategoryChip category={c} />
        ))}
      </div>
      {previous ? <VersionDiff event={event} previous={previous} /> : null}
      <details>
        <summary>第 {event.version} 版原文</summary>
        {TEXT_FIELDS.map((field) => {
          const text = fieldText(event.ad, field);
          return text ? <MarkedText text={text} findings={findings.filter((f) => f.field === field)} anchored={false} /> : null;
        })}
      </details>
    </>
  );
}

export function HistoryPage(props: { viewer: Viewer; history: AdHistory; keyLabels: Map<string, string> }) {
  const { history } = props;
  // The current title is the one of the latest version.
  const versions = history.events.filter(isVersionEvent);
  const title = versions.at(-1)?.ad.title ?? history.adId;
  const previousOf = (event: VersionEvent) => versions[versions.indexOf(event) - 1];
  return (
    <Page title={`历史记录 · ${title}`} viewer={props.viewer} section="queue">
      <div class="ad-head">
        <h1>历史记录：{title}</h1>
        <span class="chip">{STATUS_LABELS[history.status]}</span>
        <span class="muted">
          账号 {history.tenant} · 当前第 {history.version} 版
        </span>
        <nav class="ad-nav">
          <a href={adPath(history.adId)}>返回广告</a>
        </nav>
      </div>
      <div class="table-scroll">
        <table class="history">
          <thead>
            <tr>
              <th>#</th>
              <th>时间</th>
              <th>事件</th>
              <th>操作者</th>
              <th>版本</th>
              <th>结果</th>
              <th>详情</th>
            </tr>
          </thead>
          <tbody>
            {history.events.map((event) => (
              <tr data-event={event.type}>
                <td data-label="#">{event.seq}</td>
                <td data-label="时间">{formatTime(event.at)}</td>
                <td data-label="事件">{EVENT_LABELS[event.type]}</td>
                <td data-label="操作者">
                  <span class="muted">{ROLE_LABELS[event.actor.role] ?? event.actor.role}</span> {actorName(event.actor.keyId, props.keyLabels)}
                </td>
                <td data-label="版本">{event.version}</td>
                <td data-label="结果">{outcome(event)}</td>
                <td data-label="详情">{isVersionEvent(event) ? <VersionDetails event={event} previous={previousOf(event)} /> : <EventDetails event={event} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
