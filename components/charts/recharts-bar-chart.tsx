"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from "recharts";
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

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value?: string | number };
}

const CATEGORY_WIDTH = 140;

// A category's whole name, on as many lines as it needs: recharts' default tick is one line, cut at the axis edge
// ("The Independent Review of …").
function CategoryTick({ x = 0, y = 0, payload }: TickProps) {
  return (
    <Text
      x={x}
      y={y}
      width={CATEGORY_WIDTH - 12}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={14}
      fill={GOVUK_COLOURS.text}
    >
      {String(payload?.value ?? "")}
    </Text>
  );
}

// Quarters under vertical bars, turned so that all twelve fit on a phone ("2025 Q4" was cut at the edge).
function AngledTick({ x = 0, y = 0, payload }: TickProps) {
  return (
    <Text x={x} y={y + 4} angle={-40} textAnchor="end" verticalAnchor="start" fontSize={13} fill={GOVUK_COLOURS.text}>
      {String(payload?.value ?? "")}
    </Text>
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
  // Tooltip and legend list the series in one order, the status order, as the table beside the chart does.
  const inSeriesOrder = (item: { dataKey?: unknown; value?: unknown }) =>
    series.findIndex((s) => s.key === item.dataKey || s.label === item.value);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={rows}
        layout={layout}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
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
            <YAxis type="category" dataKey={categoryKey} width={CATEGORY_WIDTH} tick={<CategoryTick />} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} tick={<AngledTick />} interval={0} height={56} />
            <YAxis allowDecimals={false} />
          </>
        )}
        <Tooltip itemSorter={inSeriesOrder} />
        {/* Keep the legend in the order of the series (the status order), not sorted by name. */}
        <Legend itemSorter={inSeriesOrder} />
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
