/**
 * One field of the ad with its findings marked in place. Every text piece is a JSX text child, which
 * Hono escapes: employer-written text can never become markup.
 */
import type { Finding } from '../../core/verdict.js';
import { layoutHighlights, type HighlightNode } from '../highlight.js';
import { CATEGORY_LABELS } from '../labels.js';

/** A finding with its position in the verdict: the number shown beside it and its anchor id. */
export interface NumberedFinding extends Finding {
  index: number;
}

export const findingAnchor = (index: number) => `finding-${index + 1}`;
export const markAnchor = (index: number) => `mark-${index + 1}`;

function Nodes({ nodes, anchored }: { nodes: HighlightNode<NumberedFinding>[]; anchored: boolean }) {
  return (
    <>
      {nodes.map((node) =>
        typeof node === 'string' ? (
          node
        ) : (
          <mark
            id={anchored && node.first ? markAnchor(node.finding.index) : undefined}
            data-category={node.finding.category}
            data-rule={node.finding.ruleId}
            data-finding={String(node.finding.index + 1)}
            title={`${node.finding.index + 1}. ${CATEGORY_LABELS[node.finding.category]}：${node.finding.message}`}
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
