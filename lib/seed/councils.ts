import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "@/lib/validations/zod";

// The reference list of councils (prisma/seed/data/councils, mySociety, CC BY 4.0; see its README), read and
// checked at load time. A council's slug, its stable address, is made from its short name: "St. Helens" is
// `st-helens`, "Bournemouth, Christchurch and Poole" `bournemouth-christchurch-and-poole`.
// No "server-only": `npm start`, `npm run db:seed` and the tests load it in plain Node.

export const COUNCILS_FILE = path.join(
  "prisma",
  "seed",
  "data",
  "councils",
  "english-childrens-services-authorities.csv",
);

/** Shown wherever the council list is used: its source and licence. */
export const COUNCILS_ATTRIBUTION = {
  text: "Council names, codes, types and regions: mySociety, UK Local Authority Names and Codes (July 2025), licensed under CC BY 4.0; contains ONS and Ordnance Survey data licensed under the Open Government Licence v3.0.",
  licenceUrl: "https://creativecommons.org/licenses/by/4.0/",
  sourceUrl: "https://github.com/mysociety/uk_local_authority_names_and_codes",
} as const;

export const COUNCIL_TYPES = ["CTY", "UA", "MD", "LBO", "CC"] as const;
export const REGIONS = [
  "North East",
  "North West",
  "Yorkshire and The Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
] as const;

export function councilSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const day = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, "expected YYYY-MM-DD or nothing")
  .transform((s) => (s === "" ? null : s));

const rowSchema = z
  .object({
    gss_code: z.string().regex(/^E\d{8}$/, "expected a GSS code such as E06000034"),
    name: z.string().trim().min(1),
    official_name: z.string().trim().min(1),
    type: z.enum(COUNCIL_TYPES),
    type_name: z.string().trim().min(1),
    region: z.enum(REGIONS),
    start_date: day,
    population_2020: z
      .string()
      .regex(/^\d*$/)
      .transform((s) => (s === "" ? null : Number(s))),
  })
  .strict();

export interface SeedCouncil {
  slug: string;
  gssCode: string;
  name: string;
  officialName: string;
  type: (typeof COUNCIL_TYPES)[number];
  typeName: string;
  region: (typeof REGIONS)[number];
  startedOn: string | null;
  population2020: number | null;
}

/** The reference list, checked: a bad edit to the file fails the load, never half-loads it. */
export function readCouncils(root = process.cwd()): SeedCouncil[] {
  const text = readFileSync(path.join(root, COUNCILS_FILE), "utf8");
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as unknown[];
  const councils = rows.map((raw, i) => {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${COUNCILS_FILE}, row ${i + 2}: ${parsed.error.issues[0]?.message}`);
    const r = parsed.data;
    return {
      slug: councilSlug(r.name),
      gssCode: r.gss_code,
      name: r.name,
      officialName: r.official_name,
      type: r.type,
      typeName: r.type_name,
      region: r.region,
      startedOn: r.start_date,
      population2020: r.population_2020,
    };
  });
  for (const key of ["slug", "gssCode"] as const) {
    const seen = new Set<string>();
    for (const c of councils) {
      if (seen.has(c[key])) throw new Error(`${COUNCILS_FILE}: two councils with the ${key} ${c[key]}`);
      seen.add(c[key]);
    }
  }
  return councils;
}
