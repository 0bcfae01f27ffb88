import type { ChartSeries } from "@/components/charts/stacked-bar-chart";
import {
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_LABELS,
} from "@/lib/vocabulary";

const PATTERNS: ChartSeries["pattern"][] = ["solid", "stripes", "dots", "crosshatch", "vertical", "checks", "diagonal-reverse"];

// Chart colours follow the tag colours' hues, darker so bars stand out against the white page.
const STATUS_COLOURS = ["#b1b4b6", "#d4b8d1", "#85c2a4", "#ffdd00", "#f09b8f", "#5694ca", "#f3a070"];
const CLASS_COLOURS = ["#85c2a4", "#7fcbc3", "#5694ca", "#ffdd00", "#f09b8f"];

export const MILESTONE_STATUS_SERIES: ChartSeries[] = MILESTONE_STATUSES.map((s, i) => ({
  key: s,
  label: MILESTONE_STATUS_LABELS[s],
  colour: STATUS_COLOURS[i]!,
  pattern: PATTERNS[i]!,
}));

export const RESPONSE_CLASS_SERIES: ChartSeries[] = RESPONSE_CLASSES.map((c, i) => ({
  key: c,
  label: RESPONSE_CLASS_LABELS[c],
  colour: CLASS_COLOURS[i]!,
  pattern: PATTERNS[i]!,
}));

export const TIMELINE_SERIES: ChartSeries[] = [
  { key: "due", label: "Due", colour: "#b1b4b6", pattern: "solid" },
  { key: "done", label: "Done", colour: "#5694ca", pattern: "dots" },
  { key: "overdue", label: "Overdue", colour: "#f09b8f", pattern: "stripes" },
];
