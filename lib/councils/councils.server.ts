import "server-only";
import { db } from "@/lib/db/client.server";
import { toIsoDay } from "@/lib/dates";
import { REGIONS } from "@/lib/seed/councils";

// Reads of the council list (migration 0010, loaded from prisma/seed/data/councils). Councils are reference data:
// what a council does about the reform is entered by people, never invented here.

export interface CouncilSummary {
  slug: string;
  gssCode: string;
  name: string;
  officialName: string;
  type: string;
  typeName: string;
  region: string;
  population2020: number | null;
  startedOn: string | null;
  endedOn: string | null;
  successor: { slug: string; name: string } | null;
  /** How many local actions the council has published (issue 15): none means it does not publish them yet. */
  localActions: number;
}

const SELECT = {
  slug: true,
  gssCode: true,
  name: true,
  officialName: true,
  type: true,
  typeName: true,
  region: true,
  population2020: true,
  startedOn: true,
  endedOn: true,
  successor: { select: { slug: true, name: true } },
  _count: { select: { localActions: true } },
} as const;

type Row = {
  slug: string;
  gssCode: string;
  name: string;
  officialName: string;
  type: string;
  typeName: string;
  region: string;
  population2020: number | null;
  startedOn: Date | null;
  endedOn: Date | null;
  successor: { slug: string; name: string } | null;
  _count: { localActions: number };
};

function summary({ _count, ...row }: Row): CouncilSummary {
  return {
    ...row,
    startedOn: toIsoDay(row.startedOn),
    endedOn: toIsoDay(row.endedOn),
    localActions: _count.localActions,
  };
}

export interface CouncilFilters {
  /** Words of the name (short or official), any order, any case. */
  q?: string;
  region?: (typeof REGIONS)[number];
  /** A programme's slug: councils that take or took part in it. */
  programme?: string;
  /** Councils that publish local actions (at least one), or that do not (none yet). */
  publishes?: boolean;
}

/** Every council that matches, in region order (north to south, as the ONS lists them) then by name. */
export async function listCouncils(filters: CouncilFilters = {}): Promise<CouncilSummary[]> {
  const words = (filters.q ?? "").split(/\s+/).filter(Boolean);
  const rows = await db().council.findMany({
    where: {
      ...(filters.region ? { region: filters.region } : {}),
      ...(filters.programme ? { programmes: { some: { programme: { slug: filters.programme } } } } : {}),
      ...(filters.publishes === undefined ? {} : { localActions: filters.publishes ? { some: {} } : { none: {} } }),
      AND: words.map((w) => ({
        OR: [
          { name: { contains: w, mode: "insensitive" as const } },
          { officialName: { contains: w, mode: "insensitive" as const } },
        ],
      })),
    },
    select: SELECT,
    orderBy: { name: "asc" },
  });
  const order = new Map<string, number>(REGIONS.map((r, i) => [r, i]));
  return rows.map(summary).sort((a, b) => (order.get(a.region) ?? 99) - (order.get(b.region) ?? 99));
}

/** A council by its slug (thurrock) or GSS code (E06000034), either in any case, or null. */
export async function findCouncil(slugOrCode: string): Promise<CouncilSummary | null> {
  // Anything that cannot be a slug or a code names no council, and never reaches the database.
  const key = slugOrCode.trim();
  const row = /^e\d{8}$/i.test(key)
    ? await db().council.findUnique({ where: { gssCode: key.toUpperCase() }, select: SELECT })
    : /^[a-z0-9]+(-[a-z0-9]+)*$/i.test(key) && key.length <= 100
      ? await db().council.findUnique({ where: { slug: key.toLowerCase() }, select: SELECT })
      : null;
  return row ? summary(row) : null;
}
