import {
  LATENESS_KINDS,
  LATENESS_LABELS,
  MILESTONE_GROUPS,
  MILESTONE_GROUP_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_LABELS,
  REVIEW_CODES,
  REVIEW_LABELS,
} from "@/lib/vocabulary";
import { PLAN_YEARS } from "@/lib/dates";

// Choices for the filter forms, from the one vocabulary.
export const REVIEW_OPTIONS = REVIEW_CODES.map((r) => ({ value: r, label: REVIEW_LABELS[r] }));
export const RESPONSE_CLASS_OPTIONS = RESPONSE_CLASSES.map((c) => ({ value: c, label: RESPONSE_CLASS_LABELS[c] }));
export const STATUS_OPTIONS = MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_LABELS[s] }));
export const GROUP_OPTIONS = MILESTONE_GROUPS.map((g) => ({ value: g, label: MILESTONE_GROUP_LABELS[g] }));
export const DUE_OPTIONS = [
  { value: "overdue", label: "Overdue" },
  { value: "next-90-days", label: "Due in the next 90 days" },
  ...PLAN_YEARS.map((year) => ({ value: year, label: `Planned for ${year}` })),
  { value: "later", label: `Planned after ${PLAN_YEARS[PLAN_YEARS.length - 1]}` },
];
export const LATENESS_OPTIONS = LATENESS_KINDS.map((k) => ({ value: k, label: LATENESS_LABELS[k] }));
export const numbered = (items: Array<{ number: number; title: string }>) =>
  items.map((i) => ({ value: i.number, label: `${i.number}. ${i.title}` }));
