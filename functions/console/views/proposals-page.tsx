/**
 * 改进建议: the lexicon edits moderators' feedback proposes, most marked first. A proposal is a prompt for
 * a reviewed lexicon edit (lexicons/, then npm test and npm run eval), never applied by the console.
 */
import type { Proposal } from '../../feedback/proposals.js';
import { adPath } from '../urls.js';
import { CategoryChip } from './category-chip.js';
import { Page, type Viewer } from './layout.js';

const KIND_LABELS: Record<Proposal['kind'], string> = { exception: '加例外（误报）', term: '加词条（漏报）' };
/** Ads listed per proposal before "+N": the page stays readable when a phrase was marked on hundreds. */
const ADS_SHOWN = 5;

export function ProposalsPage(props: { viewer: Viewer; proposals: Proposal[]; resolvedMarks: number }) {
  return (
    <Page title="改进建议" viewer={props.viewer} section="proposals">
      <h1>改进建议</h1>
      <p class="muted">
        由审核员的“误报”与“漏报”反馈汇总，按次数排序。采纳一条建议要经词库修改与评审（lexicons/，再运行 npm test 与 npm run eval），不会自动生效；命令行：
        <code>hirecheck lexicon proposals</code>。
        {props.resolvedMarks > 0 ? `当前词库已修正的 ${props.resolvedMarks} 条反馈不再列出。` : ''}
      </p>
      {props.proposals.length === 0 ? (
        <div class="panel empty">没有待处理的建议。在广告页点“误报”，或选中漏掉的文字并选择类别。</div>
      ) : (
        <table class="queue proposals">
          <thead>
            <tr>
              <th>建议</th>
              <th>类别</th>
              <th>文字</th>
              <th>规则</th>
              <th>次数</th>
              <th>广告</th>
            </tr>
          </thead>
          <tbody>
            {props.proposals.map((p) => (
              <tr data-kind={p.kind}>
                <td>{KIND_LABELS[p.kind]}</td>
                <td>
                  <CategoryChip category={p.category} />
                </td>
                <td class="quote">「{p.text}」</td>
                <td class="muted">{p.ruleId ?? '—'}</td>
                <td class="count">{p.count}</td>
                <td>
                  {p.adIds.slice(0, ADS_SHOWN).map((id, i) => (
                    <>
                      {i > 0 ? ' ' : ''}
                      <a href={adPath(id)}>{i + 1}</a>
                    </>
                  ))}
                  {p.adIds.length > ADS_SHOWN ? <span class="muted"> +{p.adIds.length - ADS_SHOWN}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
