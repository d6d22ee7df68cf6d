/** 审核队列: pending ads oldest first, filterable by category, paged with the store's cursor. */
import type { Category } from '../../core/categories.js';
import { CATEGORIES } from '../../core/categories.js';
import { CATEGORY_LABELS, formatAge, formatTime, isCategory, worstCategory } from '../labels.js';
import { CategoryChip } from './category-chip.js';
import { adUrl, queueUrl } from '../urls.js';
import { Notice, Page, type PageNotice, type Viewer } from './layout.js';

export interface QueueRow {
  adId: string;
  tenant: string;
  title: string;
  categories: string[];
  findingCount: number;
  queuedAt: string;
}

export interface QueuePageProps {
  viewer: Viewer;
  rows: QueueRow[];
  category?: Category;
  /** Cursor of the page shown (absent on the first page). */
  cursor?: string;
  nextCursor?: string;
  /** Shown after a decision when the queue had no further ad. */
  flash?: PageNotice;
  now: Date;
}

export function QueuePage(props: QueuePageProps) {
  const { rows, category } = props;
  return (
    <Page title="审核队列" viewer={props.viewer} section="queue">
      <h1>审核队列</h1>
      {props.flash ? (
        <Notice notice={props.flash} />
      ) : null}
      <nav class="filters" aria-label="按类别筛选">
        <a href={queueUrl()} class="chip" aria-current={category ? undefined : 'true'}>
          全部
        </a>
        {CATEGORIES.map((c) => (
          <a href={queueUrl({ category: c })} class="chip" data-category={c} aria-current={c === category ? 'true' : undefined}>
            {CATEGORY_LABELS[c]}
          </a>
        ))}
      </nav>
      {rows.length === 0 ? (
        <div class="panel empty">
          {props.cursor ? '没有更多待审核的广告。' : category ? `没有「${CATEGORY_LABELS[category]}」类待审核的广告。` : '队列为空：没有待审核的广告。'}
        </div>
      ) : (
        <table class="queue">
          <thead>
            <tr>
              <th>职位</th>
              <th>招聘方</th>
              <th>最严重类别</th>
              <th>命中</th>
              <th>排队时长</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const worst = worstCategory(row.categories);
              const others = row.categories.filter((c) => c !== worst && isCategory(c)).length;
              return (
                <tr data-ad={row.adId}>
                  <td class="title">
                    <a class="queue-link" href={adUrl(row.adId, category)}>
                      {row.title}
                    </a>
                  </td>
                  <td>{row.tenant}</td>
                  <td>
                    {worst ? <CategoryChip category={worst} /> : '—'}
                    {others > 0 ? <span class="muted"> +{others}</span> : null}
                  </td>
                  <td>{row.findingCount}</td>
                  <td title={formatTime(row.queuedAt)}>{formatAge(row.queuedAt, props.now)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="pager">
        {props.cursor ? <a href={queueUrl({ category })}>« 第一页</a> : null}
        {props.nextCursor ? (
          <a href={queueUrl({ category, cursor: props.nextCursor })} rel="next">
            下一页 »
          </a>
        ) : null}
      </div>
    </Page>
  );
}
