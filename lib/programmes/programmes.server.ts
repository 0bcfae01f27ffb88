import "server-only";
import { db } from "@/lib/db/client.server";
import { todayInLondon, toIsoDay } from "@/lib/dates";
import { PROGRAMME_SLUG, PROGRAMME_SLUG_MAX } from "@/lib/validations/programmes";
import type { MilestoneStatusValue } from "@/lib/vocabulary";

// Reads of national programmes (migration 0012) for the public pages, the open-data API and the staff pages.
// Nothing here is seeded: every programme and every council's part in it was entered by DfE staff.

export interface ProgrammeSummary {
  slug: string;
  name: string;
  description: string;
  startedOn: string | null;
  endedOn: string | null;
  version: number;
  /** Councils taking part today (a spell that has started and not ended). */
  councilsNow: number;
  milestones: number;
  /** The codes of the milestones it delivers. */
  milestoneCodes: string[];
  /** The GSS codes of the councils taking part today. */
  councilCodesNow: string[];
}

export interface ProgrammeCouncilSpell {
  slug: string;
  gssCode: string;
  name: string;
  region: string;
  from: string;
  until: string | null;
  /** Whether the spell covers today (UK time). */
  current: boolean;
}

export interface ProgrammeDetail extends ProgrammeSummary {
  milestoneList: Array<{ code: string; title: string; status: MilestoneStatusValue; dueDate: string }>;
  councils: ProgrammeCouncilSpell[];
}

const isCurrent = (from: string, until: string | null, today: string) => from <= today && (!until || until >= today);

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, "en", { numeric: true });

/** Every programme, by name. */
export async function listProgrammes(): Promise<ProgrammeSummary[]> {
  const today = todayInLondon();
  const rows = await db().programme.findMany({
    orderBy: { name: "asc" },
    include: {
      councils: { select: { fromDate: true, untilDate: true, council: { select: { gssCode: true } } } },
      milestones: { select: { milestone: { select: { code: true } } } },
    },
  });
  return rows.map((p) => {
    const now = p.councils.filter((c) => isCurrent(toIsoDay(c.fromDate)!, toIsoDay(c.untilDate), today));
    const councilCodesNow = [...new Set(now.map((c) => c.council.gssCode))].sort();
    const milestoneCodes = p.milestones
      .map((m) => m.milestone)
      .sort(byCode)
      .map((m) => m.code);
    return {
      slug: p.slug,
      name: p.name,
      description: p.description,
      startedOn: toIsoDay(p.startedOn),
      endedOn: toIsoDay(p.endedOn),
      version: p.version,
      councilsNow: councilCodesNow.length,
      milestones: milestoneCodes.length,
      milestoneCodes,
      councilCodesNow,
    };
  });
}

/** A programme by its slug, with its milestones and every council's spells in it; null when there is none. */
export async function getProgramme(slug: string): Promise<ProgrammeDetail | null> {
  // Anything that cannot be a slug names no programme, and never reaches the database.
  if (slug.length > PROGRAMME_SLUG_MAX || !PROGRAMME_SLUG.test(slug)) return null;
  const p = await db().programme.findUnique({
    where: { slug },
    include: {
      milestones: { select: { milestone: { select: { code: true, title: true, status: true, dueDate: true } } } },
      councils: {
        select: {
          fromDate: true,
          untilDate: true,
          council: { select: { slug: true, gssCode: true, name: true, region: true } },
        },
      },
    },
  });
  if (!p) return null;
  const today = todayInLondon();
  const councils = p.councils
    .map((c) => {
      const from = toIsoDay(c.fromDate)!;
      const until = toIsoDay(c.untilDate);
      return { ...c.council, from, until, current: isCurrent(from, until, today) };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.from.localeCompare(b.from));
  const current = councils.filter((c) => c.current);
  const milestoneList = p.milestones
    .map(({ milestone: m }) => ({ code: m.code, title: m.title, status: m.status, dueDate: toIsoDay(m.dueDate)! }))
    .sort(byCode);
  return {
    slug: p.slug,
    name: p.name,
    description: p.description,
    startedOn: toIsoDay(p.startedOn),
    endedOn: toIsoDay(p.endedOn),
    version: p.version,
    councilsNow: new Set(current.map((c) => c.gssCode)).size,
    milestones: milestoneList.length,
    milestoneCodes: milestoneList.map((m) => m.code),
    councilCodesNow: [...new Set(current.map((c) => c.gssCode))].sort(),
    milestoneList,
    councils,
  };
}

/** The programmes a council takes or took part in, with its spells, by programme name. */
export async function programmesOfCouncil(
  councilSlug: string,
): Promise<Array<{ slug: string; name: string; from: string; until: string | null; current: boolean }>> {
  const today = todayInLondon();
  const rows = await db().programmeCouncil.findMany({
    where: { council: { slug: councilSlug } },
    select: { fromDate: true, untilDate: true, programme: { select: { slug: true, name: true } } },
  });
  return rows
    .map((r) => {
      const from = toIsoDay(r.fromDate)!;
      const until = toIsoDay(r.untilDate);
      return { ...r.programme, from, until, current: isCurrent(from, until, today) };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.from.localeCompare(b.from));
}

/** Every programme's slug and name, for the /councils filter. */
export async function programmeChoices(): Promise<Array<{ slug: string; name: string }>> {
  return db().programme.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
