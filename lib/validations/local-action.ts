import { z } from "@/lib/validations/zod";
import { withoutControlCharacters, withoutDirectionControls } from "@/lib/validations/text";
import { isPlausibleDay } from "@/lib/dates";
import { MILESTONE_STATUSES } from "@/lib/vocabulary";
import { COMMITMENT_CODE, LOCAL_ACTION_CODE, RECOMMENDATION_CODE } from "@/lib/reform/codes";
import { optionalReason } from "@/lib/validations/reason";
import { LIMITS as MILESTONE_LIMITS, evidenceLinkSchema } from "@/lib/validations/milestone-update";

// One set of rules for a council's local action (issue 15, item 3), shared by the council forms' Server Actions, the
// CSV import and lib/local-actions/writes.server.ts. Field names match the form's inputs, so an error can link to the
// field it is about. The rules that depend on the action as it is now (a reason when it slips or goes at risk, the
// actual date) are the milestone's: checkAgainstCurrent in lib/staff/milestone-updates.server.ts.

export const LOCAL_ACTION_LIMITS = {
  title: 200,
  description: 4000,
  leadRole: 200,
  commentary: MILESTONE_LIMITS.commentary,
  evidenceLinks: MILESTONE_LIMITS.evidenceLinks,
  /** National items one action may serve, of each kind. */
  links: 30,
} as const;

const MILESTONE_LINK = /^M-\d{1,6}$/;

const text = (label: string, max: number, missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine(...withoutControlCharacters(label))
    .refine(...withoutDirectionControls(label));

const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .refine((s) => s === null || isPlausibleDay(s), `${label} must be a real date, like 2026-03-31`)
    .nullable();

/** Codes of one kind of national item, upper-cased, without repeats, each checked for its shape. */
const codes = (label: string, shape: RegExp, example: string) =>
  z
    .array(z.string().trim().toUpperCase())
    .max(LOCAL_ACTION_LIMITS.links, `Link at most ${LOCAL_ACTION_LIMITS.links} ${label}`)
    .transform((list) => [...new Set(list.filter((c) => c !== ""))])
    .refine(
      (list) => list.every((c) => shape.test(c)),
      `${label[0]!.toUpperCase()}${label.slice(1)} are codes like ${example}`,
    );

const fields = {
  title: text("The title", LOCAL_ACTION_LIMITS.title, "Enter a title for the local action"),
  description: text("The description", LOCAL_ACTION_LIMITS.description, "Enter what the council is doing"),
  leadRole: text(
    "The lead",
    LOCAL_ACTION_LIMITS.leadRole,
    "Enter who leads it as a role, for example Director of Children\u2019s Services",
  ),
  status: z.enum(MILESTONE_STATUSES, { message: "Select a status" }),
  forecastDate: optionalDay("Forecast date"),
  actualDate: optionalDay("Actual completion date"),
  commentary: z
    .string()
    .trim()
    .max(LOCAL_ACTION_LIMITS.commentary, `Commentary must be ${LOCAL_ACTION_LIMITS.commentary} characters or fewer`)
    .refine(...withoutControlCharacters("Commentary"))
    .refine(...withoutDirectionControls("Commentary"))
    .transform((s) => (s === "" ? null : s)),
  evidence: z
    .array(evidenceLinkSchema)
    .max(LOCAL_ACTION_LIMITS.evidenceLinks, `Add at most ${LOCAL_ACTION_LIMITS.evidenceLinks} evidence links`),
  milestones: codes("national milestones", MILESTONE_LINK, "M-30"),
  recommendations: codes("recommendations", RECOMMENDATION_CODE, "CR-01"),
  commitments: codes("Annex 1 actions", COMMITMENT_CODE, "A1-O1-N3"),
  // Required by checkAgainstCurrent when the date slips or the status worsens; published when given.
  reason: optionalReason(),
};

const servesSomething = (a: { milestones: string[]; recommendations: string[]; commitments: string[] }) =>
  a.milestones.length + a.recommendations.length + a.commitments.length > 0;
const SERVES_MESSAGE = {
  message: "Link at least one national milestone, recommendation or Annex 1 action that this local action serves",
  path: ["milestones"],
};

/** A council (slug or GSS code) as a form or a CSV names it. */
const councilKey = z
  .string()
  .trim()
  .regex(/^([a-z0-9]+(-[a-z0-9]+)*|E\d{8})$/i, "Unknown council");

export const newLocalActionSchema = z
  .object({
    council: councilKey,
    ...fields,
    dueDate: z
      .string()
      .trim()
      .min(1, "Enter the date the council plans to finish it")
      // An empty date has its own message above: one error per field.
      .refine((s) => s === "" || isPlausibleDay(s), "Due date must be a real date, like 2026-03-31"),
  })
  .refine(servesSomething, SERVES_MESSAGE);

export const localActionUpdateSchema = z
  .object({
    council: councilKey,
    code: z.string().trim().toUpperCase().regex(LOCAL_ACTION_CODE, "Unknown local action"),
    version: z.coerce.number().int().positive("The form is out of date: reload the page"),
    ...fields,
  })
  .refine(servesSomething, SERVES_MESSAGE);

export type NewLocalActionInput = z.input<typeof newLocalActionSchema>;
export type NewLocalAction = z.output<typeof newLocalActionSchema>;
export type LocalActionUpdateInput = z.input<typeof localActionUpdateSchema>;
export type LocalActionUpdate = z.output<typeof localActionUpdateSchema>;

/** Codes typed into one box, separated by commas, semicolons or spaces: "M-30, M-31". */
export function codesFromText(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
}
