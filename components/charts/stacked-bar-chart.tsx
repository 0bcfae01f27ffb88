"use client";

import { useRef } from "react";
import { useRechartsWhenNear } from "./chart-queue";

export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
  /** A texture on top of the colour, so that no series is told apart by colour alone. */
  pattern: "solid" | "stripes" | "dots" | "crosshatch" | "vertical" | "checks" | "diagonal-reverse";
}

export interface StackedBarChartProps {
  /** Id prefix for the SVG patterns; unique per page. */
  id: string;
  rows: Array<Record<string, string | number>>;
  categoryKey: string;
  series: ChartSeries[];
  layout?: "horizontal" | "vertical";
  stacked?: boolean;
  height?: number;
  /** The text alternative is the data table beside the chart; the chart itself is hidden from screen readers. */
  describedBy: string;
}

/**
 * A bar chart drawn in the browser as it nears the viewport (./chart-queue.ts). The server sends the empty figure at
 * the chart's height, so nothing below it moves when the chart appears.
 */
export function StackedBarChart({
  describedBy,
  layout = "vertical",
  stacked = true,
  height = 320,
  ...chart
}: StackedBarChartProps) {
  const figure = useRef<HTMLElement>(null);
  const Chart = useRechartsWhenNear(figure);
  return (
    <figure ref={figure} aria-hidden="true" data-described-by={describedBy} className="w-full" style={{ height }}>
      {/* eslint-disable-next-line react-hooks/static-components -- Chart is recharts' component, imported once and
          kept in state by ./chart-queue.ts: the same component on every render, not one made during it. */}
      {Chart && <Chart {...chart} layout={layout} stacked={stacked} height={height} />}
    </figure>
  );
}
