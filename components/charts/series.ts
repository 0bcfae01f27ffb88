import type { ChartSeries } from "@/components/charts/stacked-bar-chart";
import { MILESTONE_STATUS_COLOURS, RESPONSE_CLASS_COLOURS } from "@/components/status-tags";
import type { TagColour } from "@/components/ui/tag";
import { CHART_COLOURS } from "@/lib/palette";
import {
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_LABELS,
  type MilestoneStatusValue,
  type ResponseClassValue,
} from "@/lib/vocabulary";

type Pattern = ChartSeries["pattern"];

// A bar has its status's tag hue (components/status-tags.tsx), so the chart and the tags beside it agree. Colours
// and textures are keyed by status, never by position: reordering the vocabulary reorders the legend but cannot
// recolour a status, and a new status does not compile until it has a hue and a texture.
const BAR_COLOURS: Record<TagColour, string> = CHART_COLOURS;

const STATUS_PATTERNS: Record<MilestoneStatusValue, Pattern> = {
  not_yet_assessed: "solid",
  not_started: "stripes",
  on_track: "dots",
  at_risk: "crosshatch",
  delayed: "vertical",
  complete: "checks",
  superseded: "diagonal-reverse",
};

const CLASS_PATTERNS: Record<ResponseClassValue, Pattern> = {
  accepted: "solid",
  accepted_in_principle: "stripes",
  testing: "dots",
  consulting: "crosshatch",
  not_accepted: "vertical",
};

export const MILESTONE_STATUS_SERIES: ChartSeries[] = MILESTONE_STATUSES.map((s) => ({
  key: s,
  label: MILESTONE_STATUS_LABELS[s],
  colour: BAR_COLOURS[MILESTONE_STATUS_COLOURS[s]],
  pattern: STATUS_PATTERNS[s],
}));

export const RESPONSE_CLASS_SERIES: ChartSeries[] = RESPONSE_CLASSES.map((c) => ({
  key: c,
  label: RESPONSE_CLASS_LABELS[c],
  colour: BAR_COLOURS[RESPONSE_CLASS_COLOURS[c]],
  pattern: CLASS_PATTERNS[c],
}));

// Done and overdue have the hues of the Complete and Overdue tags.
export const TIMELINE_SERIES: ChartSeries[] = [
  { key: "due", label: "Due", colour: CHART_COLOURS.grey, pattern: "solid" },
  { key: "done", label: "Done", colour: BAR_COLOURS[MILESTONE_STATUS_COLOURS.complete], pattern: "dots" },
  { key: "overdue", label: "Overdue", colour: CHART_COLOURS.red, pattern: "stripes" },
];
