/**
 * A horizontal bar chart as inline SVG, rendered on the server: no chart library, no script, and the
 * CSP's `default-src 'none'` is untouched because inline SVG is part of the document.
 * Bars are coloured through CSS (by data-category or a class), never through inline style.
 */

export interface Bar {
  label: string;
  value: number;
  /** Colours the bar like the category's highlight. */
  category?: string;
  /** Extra class for the bar, e.g. `decision-approve`. */
  className?: string;
}

const ROW = 30;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 56;
const WIDTH = 640;

export function BarChart(props: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = props.bars.length * ROW + 8;
  return (
    // On a phone the chart keeps a readable size and scrolls sideways rather than shrinking its text.
    <div class="chart-scroll">
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={props.title} xmlns="http://www.w3.org/2000/svg">
        <title>{props.title}</title>
        <line class="axis" x1={LABEL_WIDTH} y1={0} x2={LABEL_WIDTH} y2={height} />
        {props.bars.map((bar, i) => {
          const y = i * ROW + 4;
          const w = bar.value === 0 ? 0 : Math.max(2, Math.round((bar.value / max) * plot));
          return (
            <g data-label={bar.label} data-value={String(bar.value)}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 1} text-anchor="end" dominant-baseline="middle">
                {bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={w} height={ROW - 8} rx={3} data-category={bar.category} class={bar.className ?? 'bar'} />
              <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2 + 1} dominant-baseline="middle">
                {String(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
