import { z } from "@/lib/validations/zod";
import { MILESTONE_STATUSES, RESPONSE_CLASSES, ROLES } from "@/lib/vocabulary";

// The audited records and the shape of every kind of event written about them (decision 0004: the audit trail is
// append-only, and the state of a record at any moment is rebuilt from it). One declaration per kind of record:
// milestones, recommendations, national programmes and staff accounts now; a council's local actions next. Every writer goes through
// lib/audit/trail.server.ts, which checks an event against these shapes before it is written; every reader reads
// old events through upgradeState(), because events already written cannot be changed.

/** Days are stored as YYYY-MM-DD strings; the rules for which days are allowed are the writers' (lib/validations). */
const storedDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD");
const version = z.number().int().positive();

export const evidenceLinkSchema = z.object({ title: z.string(), url: z.string() }).strict();

export const milestoneStateSchema = z
  .object({
    status: z.enum(MILESTONE_STATUSES),
    forecastDate: storedDay.nullable(),
    actualDate: storedDay.nullable(),
    commentary: z.string().nullable(),
    evidence: z.array(evidenceLinkSchema),
    version,
  })
  .strict();
export type MilestoneState = z.infer<typeof milestoneStateSchema>;

/** A milestone's first event: its state, its strategy date and, when staff added it, what it was added with. */
export const milestoneCreatedSchema = milestoneStateSchema
  .extend({
    dueDate: storedDay,
    title: z.string().optional(),
    group: z.string().optional(),
    activity: z.string().nullable().optional(),
    pillars: z.array(z.number().int()).optional(),
    outcomes: z.array(z.number().int()).optional(),
    recommendations: z.array(z.string()).optional(),
  })
  .strict();
export type MilestoneCreated = z.infer<typeof milestoneCreatedSchema>;

export const recommendationStateSchema = z
  .object({ responseClass: z.enum(RESPONSE_CLASSES), responseRationale: z.string(), version })
  .strict();
export type RecommendationState = z.infer<typeof recommendationStateSchema>;

/** A council's spell in a programme: the council by GSS code (a slug can change when a council is renamed). */
export const programmeCouncilSchema = z
  .object({ council: z.string().regex(/^E\d{8}$/, "a GSS code"), from: storedDay, until: storedDay.nullable() })
  .strict();

/** A national programme, with the milestones it delivers (by code) and every council's spells in it. */
export const programmeStateSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    startedOn: storedDay.nullable(),
    endedOn: storedDay.nullable(),
    milestones: z.array(z.string()),
    councils: z.array(programmeCouncilSchema),
    version,
  })
  .strict();
export type ProgrammeState = z.infer<typeof programmeStateSchema>;

/**
 * A council's local action (migration 0013): everything its council's accounts can change, so one event says all
 * of a change. `dueDate` is set when the action is added and never moved. The national items it serves are codes:
 * milestones (M-30), recommendations (CR-01) and Annex 1 actions (A1-O1-N3), each list sorted.
 */
export const localActionStateSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    leadRole: z.string(),
    status: z.enum(MILESTONE_STATUSES),
    dueDate: storedDay,
    forecastDate: storedDay.nullable(),
    actualDate: storedDay.nullable(),
    commentary: z.string().nullable(),
    evidence: z.array(evidenceLinkSchema),
    milestones: z.array(z.string()),
    recommendations: z.array(z.string()),
    commitments: z.array(z.string()),
    version,
  })
  .strict();
export type LocalActionState = z.infer<typeof localActionStateSchema>;

export const userStateSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    deactivatedAt: z.string().nullable(),
    /** The council (GSS code) of a council account; absent from events written before council accounts. */
    council: z
      .string()
      .regex(/^E\d{8}$/, "a GSS code")
      .nullable()
      .optional(),
  })
  .strict();
export type UserState = z.infer<typeof userStateSchema>;

export const USER_ACTIONS = [
  "create",
  "invite",
  "role_change",
  "deactivate",
  "reactivate",
  "password_reset",
  "password_change",
  "sign_in_lock_lift",
  "sign_out_everywhere",
] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * What older events left out, by kind of record: the release before this module wrote milestone "create" events
 * without evidence or version (the source load) or without dates and commentary (staff additions), and
 * recommendation "create" events without a version. A field missing from an event had this value then.
 */
export const STATE_DEFAULTS = {
  milestone: {
    status: "not_yet_assessed",
    forecastDate: null,
    actualDate: null,
    commentary: null,
    evidence: [],
    version: 1,
  },
  recommendation: { version: 1 },
  programme: {},
  local_action: {},
  user: {},
} as const satisfies Record<AuditedRecord, object>;

export type AuditedRecord = "milestone" | "recommendation" | "programme" | "local_action" | "user";

/** An event as the writer takes it: the kind of record, the action, and the states before and after it. */
export type AuditEventInput = {
  actor: { id: number | null; label: string };
  entityId: number;
  entityCode: string;
  reason?: string | null;
  occurredAt?: Date;
} & (
  | { entityType: "milestone"; action: "create"; before?: undefined; after: MilestoneCreated }
  | { entityType: "milestone"; action: "update"; before: MilestoneState; after: MilestoneState }
  | { entityType: "recommendation"; action: "create"; before?: undefined; after: RecommendationState }
  | { entityType: "recommendation"; action: "reclassify"; before: RecommendationState; after: RecommendationState }
  | { entityType: "programme"; action: "create"; before?: undefined; after: ProgrammeState }
  | { entityType: "programme"; action: "update"; before: ProgrammeState; after: ProgrammeState }
  | { entityType: "local_action"; action: "create"; before?: undefined; after: LocalActionState }
  | { entityType: "local_action"; action: "update"; before: LocalActionState; after: LocalActionState }
  | { entityType: "user"; action: UserAction; before: UserState | null; after: UserState | null }
);

/** The declared shape of each kind of event: what its `before` and `after` must be. */
const EVENT_SHAPES: Record<AuditedRecord, Record<string, { before: z.ZodType | null; after: z.ZodType | null }>> = {
  milestone: {
    create: { before: null, after: milestoneCreatedSchema },
    update: { before: milestoneStateSchema, after: milestoneStateSchema },
  },
  recommendation: {
    create: { before: null, after: recommendationStateSchema },
    reclassify: { before: recommendationStateSchema, after: recommendationStateSchema },
  },
  programme: {
    create: { before: null, after: programmeStateSchema },
    update: { before: programmeStateSchema, after: programmeStateSchema },
  },
  local_action: {
    create: { before: null, after: localActionStateSchema },
    update: { before: localActionStateSchema, after: localActionStateSchema },
  },
  user: Object.fromEntries(
    USER_ACTIONS.map((action) => [action, { before: userStateSchema.nullable(), after: userStateSchema.nullable() }]),
  ),
};

/** Why an event does not have its declared shape, or null when it does. A writer's mistake, never a user's. */
export function shapeProblem(
  event: Pick<AuditEventInput, "entityType" | "action" | "before" | "after">,
): string | null {
  const shape = EVENT_SHAPES[event.entityType]?.[event.action];
  if (!shape) return `no event "${event.action}" is declared for a ${event.entityType}`;
  for (const side of ["before", "after"] as const) {
    const schema = shape[side];
    const value = event[side];
    if (!schema) {
      if (value !== undefined && value !== null)
        return `a ${event.entityType} "${event.action}" event has no "${side}"`;
      continue;
    }
    const parsed = schema.safeParse(value ?? null);
    if (!parsed.success)
      return `the "${side}" of a ${event.entityType} "${event.action}" event: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(all)"} ${i.message}`).join("; ")}`;
  }
  return null;
}

/**
 * The full state an event's `before` or `after` describes, whichever release wrote it: what it left out is filled
 * from STATE_DEFAULTS. The SQL that rebuilds states as at a date (lib/audit/as-at.server.ts) starts from the same defaults.
 */
export function upgradeState(entityType: "milestone", stored: unknown): MilestoneState;
export function upgradeState(entityType: "recommendation", stored: unknown): RecommendationState;
export function upgradeState(entityType: "local_action", stored: unknown): LocalActionState;
export function upgradeState(
  entityType: "milestone" | "recommendation" | "local_action",
  stored: unknown,
): MilestoneState | RecommendationState | LocalActionState {
  const schema = {
    milestone: milestoneStateSchema,
    recommendation: recommendationStateSchema,
    local_action: localActionStateSchema,
  }[entityType];
  const known = Object.keys(schema.shape);
  const fields = Object.fromEntries(
    Object.entries((stored ?? {}) as Record<string, unknown>).filter(([key]) => known.includes(key)),
  );
  return schema.parse({ ...STATE_DEFAULTS[entityType], ...fields });
}

/** Whether two states say the same, apart from their version. */
export function sameState<T extends MilestoneState | RecommendationState | LocalActionState>(
  a: Omit<T, "version">,
  b: Omit<T, "version">,
): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => key !== "version"));
  return [...fields].every(
    (key) =>
      JSON.stringify((a as Record<string, unknown>)[key] ?? null) ===
      JSON.stringify((b as Record<string, unknown>)[key] ?? null),
  );
}

/** A milestone row (with its evidence, in order) as the audit trail records it. */
export function milestoneStateOf(m: {
  status: MilestoneState["status"];
  forecastDate: Date | null;
  actualDate: Date | null;
  commentary: string | null;
  version: number;
  evidence: Array<{ title: string; url: string; position?: number }>;
}): MilestoneState {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const evidence = m.evidence.every((e) => e.position !== undefined)
    ? [...m.evidence].sort((a, b) => a.position! - b.position!)
    : m.evidence;
  return {
    status: m.status,
    forecastDate: day(m.forecastDate),
    actualDate: day(m.actualDate),
    commentary: m.commentary,
    evidence: evidence.map((e) => ({ title: e.title, url: e.url })),
    version: m.version,
  };
}

/** A programme row, with its milestones and councils, as the audit trail records it (links in a stable order). */
export function programmeStateOf(p: {
  slug: string;
  name: string;
  description: string;
  startedOn: Date | null;
  endedOn: Date | null;
  version: number;
  milestones: Array<{ milestone: { code: string } }>;
  councils: Array<{ council: { gssCode: string }; fromDate: Date; untilDate: Date | null }>;
}): ProgrammeState {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    slug: p.slug,
    name: p.name,
    description: p.description,
    startedOn: day(p.startedOn),
    endedOn: day(p.endedOn),
    milestones: p.milestones.map((m) => m.milestone.code).sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
    councils: p.councils
      .map((c) => ({ council: c.council.gssCode, from: day(c.fromDate)!, until: day(c.untilDate) }))
      .sort((a, b) => a.council.localeCompare(b.council) || a.from.localeCompare(b.from)),
    version: p.version,
  };
}

/** A recommendation row as the audit trail records it. */
export function recommendationStateOf(r: {
  responseClass: RecommendationState["responseClass"];
  responseRationale: string;
  version: number;
}): RecommendationState {
  return { responseClass: r.responseClass, responseRationale: r.responseRationale, version: r.version };
}

const byCode = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** A local action row, with its evidence and links, as the audit trail records it (links in a stable order). */
export function localActionStateOf(a: {
  title: string;
  description: string;
  leadRole: string;
  status: LocalActionState["status"];
  dueDate: Date;
  forecastDate: Date | null;
  actualDate: Date | null;
  commentary: string | null;
  version: number;
  evidence: Array<{ title: string; url: string; position: number }>;
  milestones: Array<{ milestone: { code: string } }>;
  recommendations: Array<{ recommendation: { code: string } }>;
  commitments: Array<{ commitment: { code: string } }>;
}): LocalActionState {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    title: a.title,
    description: a.description,
    leadRole: a.leadRole,
    status: a.status,
    dueDate: day(a.dueDate)!,
    forecastDate: day(a.forecastDate),
    actualDate: day(a.actualDate),
    commentary: a.commentary,
    evidence: [...a.evidence].sort((x, y) => x.position - y.position).map((e) => ({ title: e.title, url: e.url })),
    milestones: a.milestones.map((m) => m.milestone.code).sort(byCode),
    recommendations: a.recommendations.map((r) => r.recommendation.code).sort(byCode),
    commitments: a.commitments.map((c) => c.commitment.code).sort(byCode),
    version: a.version,
  };
}
