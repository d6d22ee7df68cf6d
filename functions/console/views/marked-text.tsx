/**
 * One field of the ad with its findings marked in place. Every text piece is a JSX text child, which
 * Hono escapes: employer-written text can never become markup. A mark shows its finding group's number
 * through CSS (`content: attr(data-finding)`), so the number is seen but is no part of the text a
 * moderator selects to mark a miss.
 */
import type { Finding } from '../../core/verdict.js';
import type { FindingGroup } from '../../presentation/group-findings.js';
import { layoutHighlights, type HighlightNode } from '../../presentation/highlight.js';
import { CATEGORY_LABELS } from '../../presentation/labels.js';

/** A finding with the number of its group (shared by every hit of one rule) and whether it carries the group's anchor. */
export interface NumberedFinding extends Finding {
  number: number;
  anchor: boolean;
}

export const findingAnchor = (number: number) => `finding-${number}`;
export const markAnchor = (number: number) => `mark-${number}`;

/** Each group's findings carrying the group's number; the first hit of each group carries the anchor. */
export function numberGroups(groups: readonly FindingGroup<Finding>[]): FindingGroup<NumberedFinding>[] {
  return groups.map((g) => {
    const hits = g.hits.map((h, i) => ({ index: h.index, finding: { ...h.finding, number: g.number, anchor: i === 0 } }));
    return { number: g.number, lead: hits[0]!.finding, hits };
  });
}

function Nodes({ nodes, anchored }: { nodes: HighlightNode<NumberedFinding>[]; anchored: boolean }) {
  return (
    <>
      {nodes.map((node) =>
        typeof node === 'string' ? (
          node
        ) : (
          <mark
            id={anchored && node.first && node.finding.anchor ? markAnchor(node.finding.number) : undefined}
            data-category={node.finding.category}
            data-rule={node.finding.ruleId}
            data-finding={node.first ? String(node.finding.number) : undefined}
            title={`${node.finding.number}. ${CATEGORY_LABELS[node.finding.category]}：${node.finding.message}`}
          >
            <Nodes nodes={node.children} anchored={anchored} />
          </mark>
        ),
      )}
    </>
  );
}

/** `anchored` gives marks ids the findings list links to; off where several versions share a page. */
export function MarkedText(props: { text: string; findings: NumberedFinding[]; anchored?: boolean }) {
  return (
    <p class="text">
      <Nodes nodes={layoutHighlights(props.text, props.findings)} anchored={props.anchored ?? true} />
    </p>
  );
}
