/**
 * 统计: how much waits now (backlog), how long ads waited for a decision, who decided how many per day,
 * how often moderators overturned the engine and employers appealed, and what the engine flagged and
 * decided, over the last 30 days.
 */
import { CATEGORIES } from '../../core/categories.js';
import { CATEGORY_LABELS, formatTime } from '../../presentation/labels.js';
import { shanghaiDay, type ActivityCounts } from '../../store/console-queries.js';
import { ENGINE_DECISION_LABELS } from '../labels.js';
import { actorName } from './ad-page.js';
import { BarChart, type Bar } from './bar-chart.js';
import { Page, type Viewer } from './layout.js';

export const STATS_DAYS = 30;
/** Days shown one by one in the per-moderator table (the total covers all STATS_DAYS). */
const RECENT_DAYS = 7;

export interface Backlog {
  queue: number;
  rejected: number;
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

/** "45 秒" / "12 分钟" / "3.5 小时" / "2.1 天" */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '—';
  if (seconds < 60) return `${Math.round(seconds)} 秒`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} 分钟`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} 小时`;
  return `${(seconds / 86400).toFixed(1)} 天`;
}

const rate = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

function Figure(props: { id: string; label: string; value: string; note?: string }) {
  return (
    <div class="figure" id={props.id}>
      <span class="muted">{props.label}</span>
      <b>{props.value}</b>
      {props.note ? <span class="muted note">{props.note}</span> : null}
    </div>
  );
}

function ModeratorTable(props: { counts: ActivityCounts; keyLabels: Map<string, string>; now: Date }) {
  const days = Array.from({ length: RECENT_DAYS }, (_, i) => shanghaiDay(new Date(props.now.getTime() - (RECENT_DAYS - 1 - i) * 86_400_000).toISOString()));
  const rows = [...props.counts.decisionsByKey].map(([keyId, byDay]) => ({ keyId, byDay, total: [...byDay.values()].reduce((a, b) => a + b, 0) }));
  rows.sort((a, b) => b.total - a.total);
  if (rows.length === 0) return <p class="muted">最近 {STATS_DAYS} 天没有人工决定。</p>;
  return (
    <div class="table-scroll">
      <table class="queue per-moderator">
        <thead>
          <tr>
            <th>审核员</th>
            {days.map((d) => (
              <th>{d.slice(5)}</th>
            ))}
            <th>{STATS_DAYS} 天合计</th>
            <th>日均（有决定的日子）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-key={r.keyId}>
              <td>{actorName(r.keyId, props.keyLabels)}</td>
              {days.map((d) => (
                <td>{r.byDay.get(d) ?? 0}</td>
              ))}
              <td class="total">{r.total}</td>
              <td>{(r.total / r.byDay.size).toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatsPage(props: { viewer: Viewer; counts: ActivityCounts; backlog: Backlog; keyLabels: Map<string, string>; now: Date }) {
  const { counts, backlog } = props;
  const decided = counts.reviews.approve + counts.reviews.reject;
  const categoryBars: Bar[] = CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], value: counts.categories[c] ?? 0, category: c }));
  const decisionBars: Bar[] = [
    { label: `引擎 · ${ENGINE_DECISION_LABELS.approve}`, value: counts.engine.approve, className: 'decision-approve' },
    { label: `引擎 · ${ENGINE_DECISION_LABELS.review}`, value: counts.engine.review, className: 'decision-review' },
    { label: `引擎 · ${ENGINE_DECISION_LABELS.reject}`, value: counts.engine.reject, className: 'decision-reject' },
    { label: '人工 · 通过', value: counts.reviews.approve, className: 'decision-approve' },
    { label: '人工 · 驳回', value: counts.reviews.reject, className: 'decision-reject' },
  ];
  return (
    <Page title="统计" viewer={props.viewer} section="stats">
      <h1>统计</h1>
      <p class="muted">
        积压为当前数量；其余为最近 {STATS_DAYS} 天（{formatTime(counts.since)} 至 {formatTime(props.now.toISOString())}）。
      </p>
      <div class="figures">
        <Figure id="stat-backlog" label="待审核积压" value={String(backlog.queue)} note={`另有引擎驳回待复核 ${backlog.rejected} 条`} />
        <Figure id="stat-wait-median" label="等待时间 · 中位数" value={formatDuration(percentile(counts.waitSeconds, 0.5))} note={`${counts.waitSeconds.length} 个人工决定`} />
        <Figure id="stat-wait-p90" label="等待时间 · P90" value={formatDuration(percentile(counts.waitSeconds, 0.9))} note="90% 的广告在此之前得到决定" />
        <Figure id="stat-override-rate" label="推翻引擎驳回" value={rate(counts.overrides, decided)} note={`${counts.overrides} / ${decided} 个人工决定`} />
        <Figure id="stat-appeal-rate" label="申诉率" value={rate(counts.appeals, counts.engine.reject)} note={`${counts.appeals} 次申诉 / ${counts.engine.reject} 个引擎驳回`} />
      </div>
      <section class="panel" id="stats-moderators">
        <h2>每位审核员每天的决定数</h2>
        <ModeratorTable counts={counts} keyLabels={props.keyLabels} now={props.now} />
      </section>
      <div class="stats-grid">
        <section class="panel" id="stats-categories">
          <h2>按类别</h2>
          <p class="muted">按命中该类别的广告版本计数；一个版本可计入多个类别。</p>
          <BarChart title={`最近 ${STATS_DAYS} 天各类别命中数`} bars={categoryBars} />
        </section>
        <section class="panel" id="stats-decisions">
          <h2>按决定</h2>
          <BarChart title={`最近 ${STATS_DAYS} 天引擎与人工决定数`} bars={decisionBars} />
        </section>
      </div>
    </Page>
  );
}
