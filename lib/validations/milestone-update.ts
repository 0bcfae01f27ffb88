import { z } from "@/lib/validations/zod";
import { withoutControlCharacters, withoutDirectionControls } from "@/lib/validations/text";
import { MILESTONE_STATUSES } from "@/lib/vocabulary";
import { ITEM_CODE } from "@/lib/reform/codes";
import { isPlausibleDay } from "@/lib/dates";
import { optionalReason } from "@/lib/validations/reason";

// One set of rules for a milestone update, shared by the staff form, its server action and the CSV import.
// Field names match the form's inputs, so an error can link to the field it is about.

export const LIMITS = { commentary: 4000, reason: 1000, evidenceLinks: 10, evidenceTitle: 200, url: 2000 } as const;
export const STATUSES_NEEDING_REASON = ["at_risk", "delayed", "superseded"] as const;

const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .refine((s) => s === null || isPlausibleDay(s), `${label} must be a real date, like 2024-03-31`)
    .nullable();

export const evidenceLinkSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Enter a title for each evidence link")
    .max(LIMITS.evidenceTitle, `Evidence titles must be ${LIMITS.evidenceTitle} characters or fewer`)
    .refine(...withoutControlCharacters("Evidence titles"))
    .refine(...withoutDirectionControls("Evidence titles")),
  url: z
    .string()
    .trim()
    .max(LIMITS.url, `Evidence addresses must be ${LIMITS.url} characters or fewer`)
    .refine(...withoutControlCharacters("Evidence addresses"))
    .refine(...withoutDirectionControls("Evidence addresses"))
    .refine((u) => {
      try {
        const url = new URL(u);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, "Evidence addresses must start with https:// or http://"),
});

export const milestoneUpdateSchema = z.object({
  code: z.string().trim().regex(ITEM_CODE, "Unknown milestone"),
  version: z.coerce.number().int().positive("The form is out of date: reload the page"),
  status: z.enum(MILESTONE_STATUSES, { message: "Select a status" }),
  forecastDate: optionalDay("Forecast date"),
  actualDate: optionalDay("Actual completion date"),
  commentary: z
    .string()
    .trim()
    .max(LIMITS.commentary, `Commentary must be ${LIMITS.commentary} characters or fewer`)
    .refine(...withoutControlCharacters("Commentary"))
    .refine(...withoutDirectionControls("Commentary"))
    .transform((s) => (s === "" ? null : s)),
  evidence: z.array(evidenceLinkSchema).max(LIMITS.evidenceLinks, `Add at most ${LIMITS.evidenceLinks} evidence links`),
  // Optional here (a first assessment needs none); required by checkAgainstCurrent when the date slips or the
  // status worsens. Whenever given, it is published, so it must be a short sentence.
  reason: optionalReason(),
});

export type MilestoneUpdateInput = z.input<typeof milestoneUpdateSchema>;
export type MilestoneUpdate = z.output<typeof milestoneUpdateSchema>;

export interface FieldError {
  field: string;
  message: string;
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : "form",
    message: issue.message,
  }));
}

/** Evidence rows from a form: evidenceTitle0/evidenceUrl0 ... ; rows left entirely blank are ignored. */
export function evidenceFromForm(form: FormData): Array<{ title: string; url: string }> {
  const rows: Array<{ title: string; url: string }> = [];
  for (let i = 0; i < LIMITS.evidenceLinks + 5; i++) {
    const title = String(form.get(`evidenceTitle${i}`) ?? "");
    const url = String(form.get(`evidenceUrl${i}`) ?? "");
    if (title.trim() === "" && url.trim() === "") continue;
    rows.push({ title, url });
  }
  return rows;
}
