import {
  MILESTONE_GROUPS,
  MILESTONE_GROUP_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_LABELS,
  REVIEW_CODES,
  REVIEW_LABELS,
} from "@/lib/vocabulary";

// Choices for the filter forms, from the one vocabulary.
export const REVIEW_OPTIONS = REVIEW_CODES.map((r) => ({ value: r, label: REVIEW_LABELS[r] }));
export const RESPONSE_CLASS_OPTIONS = RESPONSE_CLASSES.map((c) => ({ value: c, label: RESPONSE_CLASS_LABELS[c] }));
export const STATUS_OPTIONS = MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_LABELS[s] }));
export const GROUP_OPTIONS = MILESTONE_GROUPS.map((g) => ({ value: g, label: MILESTONE_GROUP_LABELS[g] }));
export const DUE_OPTIONS = [
  { value: "overdue", label: "Overdue" },
  { value: "next-90-days", label: "Due in the next 90 days" },
  { value: "2023", label: "Planned for 2023" },
  { value: "2024", label: "Planned for 2024" },
  { value: "2025", label: "Planned for 2025" },
  { value: "later", label: "Planned after 2025" },
];
export const numbered = (items: Array<{ number: number; title: string }>) =>
  items.map((i) => ({ value: i.number, label: `${i.number}. ${i.title}` }));
