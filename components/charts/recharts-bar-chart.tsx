"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { GOVUK_COLOURS } from "@/lib/palette";
import type { ChartSeries, StackedBarChartProps } from "./stacked-bar-chart";

// recharts is a JavaScript chunk of its own: ./chart-queue.ts imports this file when the first chart nears the viewport,
// so only pages with charts download it, and only after they have painted.

function Pattern({ id, series }: { id: string; series: ChartSeries }) {
  const ink = "rgba(11,12,12,0.55)";
  const shapes: Record<ChartSeries["pattern"], React.ReactNode> = {
    solid: null,
    stripes: <path d="M0,8 l8,-8 M-2,2 l4,-4 M6,10 l4,-4" stroke={ink} strokeWidth={1.5} />,
    "diagonal-reverse": <path d="M0,0 l8,8 M-2,6 l4,4 M6,-2 l4,4" stroke={ink} strokeWidth={1.5} />,
    dots: <circle cx={4} cy={4} r={1.6} fill={ink} />,
    crosshatch: <path d="M0,0 l8,8 M8,0 l-8,8" stroke={ink} strokeWidth={1} />,
    vertical: <path d="M4,0 v8" stroke={ink} strokeWidth={1.5} />,
    checks: <rect x={0} y={0} width={4} height={4} fill={ink} />,
  };
  return (
    <pattern id={`${id}-${series.key}`} width={8} height={8} patternUnits="userSpaceOnUse">
      <rect width={8} height={8} fill={series.colour} />
      {shapes[series.pattern]}
    </pattern>
  );
}

export function RechartsBarChart({
  id,
  rows,
  categoryKey,
  series,
  layout,
  stacked,
  height,
}: Required<Omit<StackedBarChartProps, "describedBy">>) {
  const horizontalBars = layout === "vertical";
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={rows}
        layout={layout}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <defs>
          {series.map((s) => (
            <Pattern key={s.key} id={id} series={s} />
          ))}
        </defs>
        <CartesianGrid strokeDasharray="3 3" />
        {horizontalBars ? (
          <>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey={categoryKey} width={140} tick={{ fontSize: 14 }} />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} tick={{ fontSize: 14 }} />
            <YAxis allowDecimals={false} />
          </>
        )}
        <Tooltip />
        {/* Keep the legend in the order of the series (the status order), not sorted by name. */}
        <Legend itemSorter={(item) => series.findIndex((s) => s.label === item.value)} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={stacked ? "stack" : undefined}
            fill={`url(#${id}-${s.key})`}
            stroke={GOVUK_COLOURS.text}
            strokeWidth={0.5}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
