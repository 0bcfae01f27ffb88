import { createHash } from "node:crypto";
import { z } from "@/lib/validations/zod";
import { MILESTONE_GROUPS, MILESTONE_GROUP_LABELS, RESPONSE_CLASSES } from "@/lib/vocabulary";
import reviewsJson from "@/prisma/seed/data/reviews.json";
import pillarsJson from "@/prisma/seed/data/pillars.json";
import outcomesJson from "@/prisma/seed/data/outcomes.json";
import recommendationsJson from "@/prisma/seed/data/recommendations.json";
import milestonesJson from "@/prisma/seed/data/milestones.json";
import classesPart1 from "@/prisma/seed/data/judgements/recommendations-part1.json";
import classesPart2 from "@/prisma/seed/data/judgements/recommendations-part2.json";

// The reform data as extracted from "Stable Homes, Built on Love" (scripts/extract-*.mjs) plus the judgements
// made by hand (response classes, outcome and milestone links, in prisma/seed/data/judgements). Validated here so
// that a bad edit to a data file fails loudly at load time instead of putting half a dataset in the database.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const text = z.string().trim().min(1);
const outcomeNumber = z.number().int().min(1).max(6);
const pillarNumber = z.number().int().min(1).max(6);

const reviewSchema = z.object({
  code: z.enum(["CR", "CPE", "CMA"]),
  title: text,
  shortTitle: text,
  author: text,
  published: text,
  responseAnnex: z.number().int(),
});

const pillarSchema = z.object({
  number: pillarNumber,
  title: text,
  section: text,
  strategyChapter: z.number().int(),
  chapterTitle: text,
});

const outcomeSchema = z.object({
  number: outcomeNumber,
  kind: z.enum(["outcome", "enabler"]),
  title: text,
  annex1Title: text,
  pillarNumbers: z.array(pillarNumber).min(1),
  nextActions: z.array(text).min(1),
  twoYearResults: z.array(text).min(1),
});

const recommendationSchema = z.object({
  code: z.string().regex(/^(CR|CPE|CMA)-\d{2,3}$/),
  review: z.enum(["CR", "CPE", "CMA"]),
  section: text,
  subsection: text.nullable(),
  sourceAnnex: z.number().int().min(3).max(5),
  sourceRow: z.number().int().positive(),
  sourceLine: z.number().int().positive(),
  text,
  response: text,
  responseInherited: z.boolean(),
  responseInheritedFrom: z.string().nullable(),
  statedResponse: text.nullable(),
});

const judgementSchema = z.object({
  code: z.string(),
  responseClass: z.enum(RESPONSE_CLASSES),
  rationale: text,
  outcomes: z.array(outcomeNumber).min(1),
});

const groupByLabel = new Map(MILESTONE_GROUPS.map((g) => [MILESTONE_GROUP_LABELS[g], g] as const));

const milestoneSchema = z.object({
  code: z.string().regex(/^M-\d{2,3}$/),
  group: text.transform((label, ctx) => {
    const group = groupByLabel.get(label);
    if (!group) ctx.addIssue({ code: "custom", message: `unknown milestone group "${label}"` });
    return group ?? MILESTONE_GROUPS[0];
  }),
  activity: text,
  title: text,
  dateAsWritten: text,
  column: z.enum(["2023", "2024"]),
  dueDate: isoDate,
  sourceLine: z.number().int().positive(),
  pillars: z.array(pillarNumber).min(1),
  outcomes: z.array(outcomeNumber).min(1),
  recommendations: z.array(z.string()),
});

export type SeedRecommendation = z.infer<typeof recommendationSchema> & z.infer<typeof judgementSchema>;
export type SeedMilestone = z.infer<typeof milestoneSchema>;

export interface ReformDataset {
  reviews: z.infer<typeof reviewSchema>[];
  pillars: z.infer<typeof pillarSchema>[];
  outcomes: z.infer<typeof outcomeSchema>[];
  recommendations: SeedRecommendation[];
  milestones: SeedMilestone[];
  /** sha256 of the data files, recorded with every load so operators can tell which dataset a database holds. */
  hash: string;
}

export function readReformDataset(): ReformDataset {
  const reviews = z.array(reviewSchema).parse(reviewsJson);
  const pillars = z.array(pillarSchema).length(6).parse(pillarsJson);
  const outcomes = z.array(outcomeSchema).length(6).parse(outcomesJson);
  const extracted = z.array(recommendationSchema).parse(recommendationsJson);
  const judgements = z.array(judgementSchema).parse([...classesPart1, ...classesPart2]);
  const milestones = z.array(milestoneSchema).parse(milestonesJson);

  const judgementByCode = new Map<string, z.infer<typeof judgementSchema>>();
  for (const j of judgements) {
    if (judgementByCode.has(j.code)) throw new Error(`Two response classes for ${j.code}`);
    judgementByCode.set(j.code, j);
  }
  const sections = new Set(pillars.map((p) => p.section));
  const recommendations = extracted.map((r) => {
    const judgement = judgementByCode.get(r.code);
    if (!judgement) throw new Error(`No response class for ${r.code}`);
    if (!sections.has(r.section)) throw new Error(`${r.code} sits under unknown section "${r.section}"`);
    return { ...r, ...judgement };
  });
  if (judgementByCode.size !== recommendations.length) {
    throw new Error("Response classes name recommendations that are not in recommendations.json");
  }
  const codes = new Set(recommendations.map((r) => r.code));
  for (const m of milestones) {
    for (const code of m.recommendations) {
      if (!codes.has(code)) throw new Error(`${m.code} links to unknown recommendation ${code}`);
    }
  }

  const hash = createHash("sha256")
    .update(
      JSON.stringify([
        reviewsJson,
        pillarsJson,
        outcomesJson,
        recommendationsJson,
        milestonesJson,
        classesPart1,
        classesPart2,
      ]),
    )
    .digest("hex");
  return { reviews, pillars, outcomes, recommendations, milestones, hash };
}
