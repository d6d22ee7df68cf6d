/** History of one ad: every version with its verdict, every decision, who and when. */
import { fieldText, TEXT_FIELDS } from '../../core/ad.js';
import type { Category } from '../../core/categories.js';
import type { AdHistory, HistoryEvent } from '../../store/model.js';
import { CATEGORY_LABELS, ENGINE_DECISION_LABELS, FIELD_LABELS, formatTime, REVIEW_DECISION_LABELS, STATUS_LABELS } from '../labels.js';
import { adPath } from '../urls.js';
import { actorName } from './ad-page.js';
import { CategoryChip } from './category-chip.js';
import { Page, type Viewer } from './layout.js';
import { MarkedText, type NumberedFinding } from './marked-text.js';

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
      {what}：「{f.text}」 <span class="muted">{FIELD_LABELS[f.field] ?? f.field} · 第 {event.version} 版</span>
      {f.note ? <div>备注：{f.note}</div> : null}
    </>
  );
}

function VersionDetails({ event }: { event: VersionEvent }) {
  const findings: NumberedFinding[] = event.verdict.findings.map((f, index) => ({ ...f, index }));
  const categories = [...new Set(findings.map((f) => f.category))] as Category[];
  return (
    <>
      <div>
        引擎：{ENGINE_DECISION_LABELS[event.verdict.decision]} · 命中 {findings.length} 项{' '}
        {categories.map((c) => (
          <CategoryChip category={c} />
        ))}
      </div>
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
  return (
    <Page title={`历史记录 · ${title}`} viewer={props.viewer} section="queue">
      <div class="ad-head">
        <h1>历史记录：{title}</h1>
        <span class="chip">{STATUS_LABELS[history.status]}</span>
        <span class="muted">
          {history.tenant} · 当前第 {history.version} 版
        </span>
        <nav class="ad-nav">
          <a href={adPath(history.adId)}>返回广告</a>
        </nav>
      </div>
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
              <td>{event.seq}</td>
              <td>{formatTime(event.at)}</td>
              <td>{EVENT_LABELS[event.type]}</td>
              <td>
                {ROLE_LABELS[event.actor.role] ?? event.actor.role} {actorName(event.actor.keyId, props.keyLabels)}
              </td>
              <td>{event.version}</td>
              <td>{outcome(event)}</td>
              <td>{isVersionEvent(event) ? <VersionDetails event={event} /> : <EventDetails event={event} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
