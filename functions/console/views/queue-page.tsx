/**
 * The two lists moderators work from, filterable by category and paged with the store's cursor:
 * 审核队列 (pending ads, oldest first; appeals and re-checks marked) and 引擎驳回 (ads the engine rejected
 * that no moderator has decided, newest first: the place to overturn a false reject).
 */
import type { Category } from '../../core/categories.js';
import { CATEGORIES } from '../../core/categories.js';
import { CATEGORY_LABELS, formatTime } from '../../presentation/labels.js';
import type { Claim } from '../../store/claims.js';
import type { AppealInfo, RecheckNote } from '../../store/model.js';
import { describeRecheck, formatAge, isCategory, worstCategory } from '../labels.js';
import { CategoryChip } from './category-chip.js';
import { adUrl, nextUrl, queueUrl, rejectedUrl } from '../urls.js';
import { Notice, Page, type PageNotice, type Viewer } from './layout.js';

export interface QueueRow {
  adId: string;
  tenant: string;
  title: string;
  company?: string;
  categories: string[];
  findingCount: number;
  /** When the ad joined the list (queued, or rejected by the engine). */
  at: string;
  appeal?: AppealInfo;
  recheck?: RecheckNote;
}

export type ListKind = 'queue' | 'rejected';

const LISTS = {
  queue: { title: '审核队列', url: queueUrl, time: '排队时长', empty: '队列为空：没有待审核的广告。', none: '待审核' },
  rejected: { title: '引擎驳回', url: rejectedUrl, time: '驳回于', empty: '没有待复核的引擎驳回广告。', none: '引擎驳回' },
} as const;

export interface QueuePageProps {
  viewer: Viewer;
  list: ListKind;
  rows: QueueRow[];
  /** How many ads the list (with its filter) holds in all. */
  total: number;
  /** Live claims of the rows shown, by ad id. */
  claims: Map<string, Claim>;
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
  const list = LISTS[props.list];
  return (
    <Page title={list.title} viewer={props.viewer} section={props.list} shortcuts="list">
      <div class="list-head">
        <h1>{list.title}</h1>
        <span class="count" id="list-total">
          共 {props.total} 条{category ? `（${CATEGORY_LABELS[category]}）` : ''}
        </span>
        {props.list === 'queue' && props.total > 0 ? (
          <a class="button" href={nextUrl(category)} id="start-next">
            开始审核：下一条未领取 »
          </a>
        ) : null}
      </div>
      {props.list === 'rejected' ? <p class="muted">引擎自动驳回、尚无审核员决定的广告，最新的在前。打开一条可推翻误判（通过须填写理由）或确认驳回。</p> : null}
      {props.flash ? <Notice notice={props.flash} /> : null}
      <nav class="filters" aria-label="按类别筛选">
        <a href={list.url()} class="chip" aria-current={category ? undefined : 'true'}>
          全部
        </a>
        {CATEGORIES.map((c) => (
          <a href={list.url({ category: c })} class="chip" data-category={c} aria-current={c === category ? 'true' : undefined}>
            {CATEGORY_LABELS[c]}
          </a>
        ))}
      </nav>
      {rows.length === 0 ? (
        <div class="panel empty">{props.cursor ? '没有更多了。' : category ? `没有「${CATEGORY_LABELS[category]}」类${list.none}的广告。` : list.empty}</div>
      ) : (
        <div class="table-scroll">
          <table class="queue">
            <thead>
              <tr>
                <th>职位</th>
                <th>招聘方</th>
                <th>最严重类别</th>
                <th>命中</th>
                <th>{list.time}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const worst = worstCategory(row.categories);
                const others = row.categories.filter((c): c is Category => c !== worst && isCategory(c));
                const claim = props.claims.get(row.adId);
                return (
                  <tr data-ad={row.adId}>
                    <td class="title">
                      <a class="queue-link" href={adUrl(row.adId, category)}>
                        {row.title}
                      </a>
                      {row.appeal ? (
                        <span class="chip flag appeal" title={`招聘方申诉：${row.appeal.reason}`}>
                          申诉
                        </span>
                      ) : null}
                      {row.recheck ? (
                        <span class="chip flag recheck" title={describeRecheck(row.recheck)}>
                          新规则复查
                        </span>
                      ) : null}
                      {claim ? (
                        <span class="chip flag claimed" title={`保留至 ${formatTime(claim.until)}`}>
                          {claim.keyId === props.viewer.keyId ? '您正在处理' : `${claim.label ?? claim.keyId} 处理中`}
                        </span>
                      ) : null}
                    </td>
                    <td title={`账号 ${row.tenant}`}>{row.company ?? row.tenant}</td>
                    <td>
                      {worst ? <CategoryChip category={worst} /> : '—'}
                      {others.length > 0 ? (
                        <span class="more" title={`另有：${others.map((c) => CATEGORY_LABELS[c]).join('、')}`} tabindex={0}>
                          {' '}
                          +{others.length}
                        </span>
                      ) : null}
                    </td>
                    <td>{row.findingCount}</td>
                    <td title={formatTime(row.at)}>{props.list === 'queue' ? formatAge(row.at, props.now) : formatTime(row.at)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div class="pager">
        {props.cursor ? <a href={list.url({ category })}>« 第一页</a> : null}
        {props.nextCursor ? (
          <a href={list.url({ category, cursor: props.nextCursor })} rel="next">
            下一页 »
          </a>
        ) : null}
      </div>
    </Page>
  );
}
