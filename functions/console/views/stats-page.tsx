/** 统计: what the engine flagged and what moderators decided over the last 30 days. */
import { CATEGORIES } from '../../core/categories.js';
import type { ActivityCounts } from '../../store/console-queries.js';
import { CATEGORY_LABELS, ENGINE_DECISION_LABELS, formatTime } from '../labels.js';
import { BarChart, type Bar } from './bar-chart.js';
import { Page, type Viewer } from './layout.js';

export const STATS_DAYS = 30;

export function StatsPage(props: { viewer: Viewer; counts: ActivityCounts; now: Date }) {
  const { counts } = props;
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
        最近 {STATS_DAYS} 天（{formatTime(counts.since)} 至 {formatTime(props.now.toISOString())}）。类别按命中该类别的广告版本计数；一个版本可计入多个类别。
      </p>
      <div class="stats-grid">
        <section class="panel" id="stats-categories">
          <h2>按类别</h2>
          <BarChart title="最近 30 天各类别命中数" bars={categoryBars} />
        </section>
        <section class="panel" id="stats-decisions">
          <h2>按决定</h2>
          <BarChart title="最近 30 天引擎与人工决定数" bars={decisionBars} />
        </section>
      </div>
    </Page>
  );
}
