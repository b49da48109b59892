// A question's results as horizontal bars drawn in plain SVG (no chart library: the results page stays
// small). Each row names the answer, draws its count to scale and says the count and share after the
// bar; a withheld count draws no bar and says "fewer than k" where the bar would be — never a bar of 0.
// The SVG is an image named after the question; the table beside it gives screen readers the numbers.
import './bar-chart.css';

import { useElementSize } from '@mantine/hooks';
import { useId, type Ref } from 'react';

import { BAR_HEIGHT, layoutBars } from './bar-layout';
import { barValueText, type BarRow, type ValueWords } from './bar-rows';

type BarChartProps = { rows: BarRow[]; title: string; words: ValueWords; svgRef?: Ref<SVGSVGElement> };

/** Drawn at this width until the container has been measured (and in tests, which measure nothing). */
const DEFAULT_WIDTH = 640;

export function BarChart({ rows, title, words, svgRef }: BarChartProps) {
  const titleId = useId();
  const { ref, width: measured } = useElementSize();
  // Drawn at the container's width so text stays at its size on a phone; never narrower than 280 units.
  const layout = layoutBars(rows, measured > 0 ? Math.max(280, Math.round(measured)) : DEFAULT_WIDTH);

  return (
    // Bars longer than this are harder to compare with their labels, on screen and on paper.
    <div ref={ref} style={{ maxWidth: 720 }}>
      <svg
        ref={svgRef}
        className="results-chart"
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        data-chart
      >
        <title id={titleId}>{title}</title>
        {layout.rows.map((row) => (
          <g key={row.id} data-row={row.id}>
            <text className="results-chart-label" x={0} y={row.labelY}>
              {row.shortLabel !== row.label ? <title>{row.label}</title> : null}
              {row.shortLabel}
            </text>
            {row.barWidth > 0 ? (
              <rect
                className="results-chart-bar"
                data-bar
                data-below-k={row.belowK || undefined}
                x={0}
                y={row.barY}
                width={row.barWidth}
                height={BAR_HEIGHT}
              />
            ) : null}
            <text
              className={row.withheld ? 'results-chart-value results-chart-withheld' : 'results-chart-value'}
              x={row.valueX}
              y={row.valueY}
              data-withheld={row.withheld || undefined}
            >
              {barValueText(row, words)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
