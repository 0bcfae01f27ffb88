import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";
import { linkedMilestonesOf, type LinkedMilestone } from "@/lib/reform/recommendations.server";
import {
  LESS_THAN,
  MATCH_START,
  MATCH_STOP,
  type SnippetPart,
  snippetText,
  toSnippetParts,
} from "@/lib/reform/snippets";
import { SEARCH_KINDS, SEARCH_PAGE_SIZE, type SearchKind, type SearchQuery } from "@/lib/validations/search";
import type { MilestoneStatusValue, ResponseClassValue } from "@/lib/vocabulary";

// One search across the tracker's texts, with PostgreSQL's full-text search (English stemming, so "carers" finds
// "carer"). Each kind of thing has a generated `search` column (migrations 0002 and 0011) whose weights rank a
// title above body text. Ranks are comparable across kinds: ts_rank with normalisation 1 divides by the log of the
// document's length, so a short title that is all about the words ("National Kinship Care Strategy") is not
// drowned by a long recommendation that mentions them twice. It searches today's texts: the words of
// recommendations, pillars, outcomes and Annex 1 never change, and a milestone's commentary is searched as it is now;
// so are councils (their names), national programmes and councils' local actions (migration 0015), as they are now.

/** Where in a result the words matched: each a field of the open data. */
export type SnippetField =
  | "text"
  | "response"
  | "activity"
  | "commentary"
  | "chapterTitle"
  | "section"
  | "annex1Title"
  | "commitment"
  | "officialName"
  | "description";

export interface SearchSnippet {
  field: SnippetField;
  parts: SnippetPart[];
}

export interface SearchResult {
  kind: SearchKind;
  /**
   * "CR-37", "M-30"; for a pillar, outcome or commitment, the pillar's or outcome's number; a council's GSS code
   * (E06000034), a programme's slug, a local action's code within its council (LA-3).
   */
  code: string;
  title: SnippetPart[];
  snippets: SearchSnippet[];
  /** The page that shows it (for a commitment: its outcome's page, at the right list). */
  path: string;
  rank: number;
  /** A recommendation's government response class. */
  responseClass?: ResponseClassValue;
  /** A recommendation's milestones, each with its status. */
  milestones?: LinkedMilestone[];
  /** A milestone's or a local action's status. */
  status?: MilestoneStatusValue;
  /** A local action's council, to which it is attributed (never to a person). */
  council?: { slug: string; name: string };
  /** An outcome's kind, or an Annex 1 commitment's outcome kind. */
  outcomeKind?: "outcome" | "enabler";
  /** An Annex 1 commitment: "next_action" (What will we do next?) or "two_year_result". */
  commitmentKind?: "next_action" | "two_year_result";
}

export interface SearchResults {
  q: string;
  kind: SearchKind | null;
  /** False when every word is one the search ignores ("the", "and"): nothing can match. */
  meaningful: boolean;
  total: number;
  page: number;
  pageSize: number;
  countsByKind: Record<SearchKind, number>;
  items: SearchResult[];
}

/** A whole short text, every match marked. */
const WHOLE = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_STOP}`;
const PASSAGE_BREAK = " … ";
/** Up to two passages of a long text around the matches. */
const PASSAGES = `MaxFragments=2, MaxWords=35, MinWords=15, ShortWord=3, FragmentDelimiter="${PASSAGE_BREAK}", StartSel=${MATCH_START}, StopSel=${MATCH_STOP}`;

/**
 * Every match, one row per thing found. Columns: kind, kind_order, code, path, position (document order within a
 * kind), rank, title, two optional fields with their names and ts_headline options, and the kind's own facts.
 */
function hitsSql(): Prisma.Sql {
  const rank = (column: string) => Prisma.sql`ts_rank(${Prisma.raw(column)}, words.query, 1)`;
  return Prisma.sql`
    SELECT 'recommendation' AS kind, 0 AS kind_order, r.code, '/recommendations/' || r.code AS path,
           r.source_annex * 1000 + r.source_row AS position, ${rank("r.search")} AS rank,
           'Recommendation ' || r.code AS title,
           'text' AS f1_name, r.text AS f1, ${PASSAGES} AS f1_options,
           'response' AS f2_name, r.response_text AS f2, ${PASSAGES} AS f2_options,
           r.response_class::text AS response_class, NULL AS status, NULL AS outcome_kind, NULL AS commitment_kind,
           NULL AS council_slug, NULL AS council_name
    FROM recommendation r, words WHERE r.search @@ words.query
    UNION ALL
    SELECT 'milestone', 1, m.code, '/milestones/' || m.code, m.id, ${rank("m.search")},
           m.title,
           'activity', m.activity, ${WHOLE},
           'commentary', m.commentary, ${PASSAGES},
           NULL, m.status::text, NULL, NULL, NULL, NULL
    FROM milestone m, words WHERE m.search @@ words.query
    UNION ALL
    SELECT 'pillar', 2, p.number::text, '/pillars/' || p.number, p.number, ${rank("p.search")},
           'Pillar ' || p.number || ': ' || p.title,
           'chapterTitle', p.chapter_title, ${WHOLE},
           'section', p.section, ${WHOLE},
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM pillar p, words WHERE p.search @@ words.query
    UNION ALL
    SELECT 'outcome', 3, o.number::text, '/outcomes/' || o.number, o.number, ${rank("o.search")},
           o.title,
           'annex1Title', NULLIF(o.annex1_title, o.title), ${WHOLE},
           NULL, NULL, NULL,
           NULL, NULL, o.kind::text, NULL, NULL, NULL
    FROM outcome o, words WHERE o.search @@ words.query
    UNION ALL
    SELECT 'commitment', 4, o.number::text,
           '/outcomes/' || o.number || CASE c.kind WHEN 'next_action' THEN '#next-heading' ELSE '#results-heading' END,
           o.number * 1000 + CASE c.kind WHEN 'next_action' THEN 0 ELSE 500 END + c.position, ${rank("c.search")},
           o.title,
           'commitment', c.text, ${WHOLE},
           NULL, NULL, NULL,
           NULL, NULL, o.kind::text, c.kind::text, NULL, NULL
    FROM outcome_commitment c JOIN outcome o ON o.id = c.outcome_id, words WHERE c.search @@ words.query
    UNION ALL
    SELECT 'council', 5, k.gss_code, '/councils/' || k.slug, 0, ${rank("k.search")},
           k.name,
           'officialName', NULLIF(k.official_name, k.name), ${WHOLE},
           NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM council k, words WHERE k.search @@ words.query
    UNION ALL
    SELECT 'programme', 6, g.slug, '/programmes/' || g.slug, g.id, ${rank("g.search")},
           g.name,
           'description', g.description, ${PASSAGES},
           NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM programme g, words WHERE g.search @@ words.query
    UNION ALL
    SELECT 'local_action', 7, 'LA-' || a.number, '/councils/' || k.slug || '/actions/LA-' || a.number, a.number,
           ${rank("a.search")},
           a.title,
           'description', a.description, ${PASSAGES},
           'commentary', a.commentary, ${PASSAGES},
           NULL, a.status::text, NULL, NULL, k.slug, k.name
    FROM local_action a JOIN council k ON k.id = a.council_id, words WHERE a.search @@ words.query`;
}

interface HitRow {
  kind: SearchKind;
  code: string;
  path: string;
  rank: number;
  title: string;
  f1_name: SnippetField | null;
  f1: string | null;
  f2_name: SnippetField | null;
  f2: string | null;
  f1_source: string | null;
  f2_source: string | null;
  response_class: ResponseClassValue | null;
  status: MilestoneStatusValue | null;
  outcome_kind: "outcome" | "enabler" | null;
  commitment_kind: "next_action" | "two_year_result" | null;
  council_slug: string | null;
  council_name: string | null;
}

/** Text for ts_headline: the marks' characters removed so they stay unique, "<" hidden (lib/reform/snippets.ts). */
function forHeadline(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`replace(translate(${text}, ${MATCH_START + MATCH_STOP + LESS_THAN}, ''), '<', ${LESS_THAN})`;
}

/** A field's snippet, only where the words are in it. */
function headline(field: "f1" | "f2"): Prisma.Sql {
  const f = Prisma.raw(`page.${field}`);
  return Prisma.sql`CASE WHEN to_tsvector('english', coalesce(${f}, '')) @@ words.query
    THEN ts_headline('english', ${forHeadline(f)}, words.query, ${Prisma.raw(`page.${field}_options`)}) END`;
}

export async function searchEverything(search: SearchQuery): Promise<SearchResults> {
  // A lone surrogate cannot arrive in a URL (decoding makes it U+FFFD) but would break the query's parameters.
  const q = search.q.toWellFormed();
  const pageSize = search.pageSize ?? SEARCH_PAGE_SIZE;
  const page = search.page ?? 1;
  const words = Prisma.sql`WITH words AS (SELECT websearch_to_tsquery('english', ${q}) AS query)`;
  const kindFilter = search.kind ? Prisma.sql`WHERE hits.kind = ${search.kind}` : Prisma.empty;
  const prisma = db();
  const [rows, counts, [meaning]] = await Promise.all([
    // Snippets are made for the page's rows only: ts_headline reads the whole text, ranking does not.
    prisma.$queryRaw<HitRow[]>`
      ${words}
      SELECT page.kind, page.code, page.path, page.rank::float8 AS rank,
             ts_headline('english', ${forHeadline(Prisma.sql`page.title`)}, words.query, ${WHOLE}) AS title,
             page.f1_name, ${headline("f1")} AS f1, page.f1 AS f1_source,
             page.f2_name, ${headline("f2")} AS f2, page.f2 AS f2_source,
             page.response_class, page.status, page.outcome_kind, page.commitment_kind,
             page.council_slug, page.council_name
      FROM (SELECT * FROM (${hitsSql()}) hits ${kindFilter}
            ORDER BY hits.rank DESC, hits.kind_order, hits.council_name NULLS FIRST, hits.position, hits.code
            LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) page, words
      ORDER BY page.rank DESC, page.kind_order, page.council_name NULLS FIRST, page.position, page.code`,
    prisma.$queryRaw<Array<{ kind: SearchKind; n: bigint }>>`
      ${words} SELECT hits.kind, count(*) AS n FROM (${hitsSql()}) hits GROUP BY hits.kind`,
    prisma.$queryRaw<Array<{ meaningful: boolean }>>`
      SELECT numnode(websearch_to_tsquery('english', ${q})) > 0 AS meaningful`,
  ]);
  const countsByKind = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
  for (const c of counts) countsByKind[c.kind] = Number(c.n);
  const milestones = await linkedMilestonesOf(rows.filter((r) => r.kind === "recommendation").map((r) => r.code));
  return {
    q: search.q,
    kind: search.kind ?? null,
    meaningful: meaning?.meaningful ?? false,
    total: search.kind ? countsByKind[search.kind] : Object.values(countsByKind).reduce((a, b) => a + b, 0),
    page,
    pageSize,
    countsByKind,
    items: rows.map((r) => toResult(r, milestones)),
  };
}

/** A snippet that says where it cuts the text: "…" before a passage that is not the start, after one not the end. */
function passages(marked: string, source: string): SnippetPart[] {
  const parts = toSnippetParts(marked);
  const text = snippetText(parts).trim();
  if (!source.trim().startsWith(text.split(PASSAGE_BREAK)[0]!)) parts.unshift({ text: "… ", match: false });
  if (!source.trim().endsWith(text.split(PASSAGE_BREAK).at(-1)!)) parts.push({ text: " …", match: false });
  return parts;
}

function toResult(r: HitRow, milestones: Map<string, LinkedMilestone[]>): SearchResult {
  const snippets: SearchSnippet[] = [];
  if (r.f1_name && r.f1) snippets.push({ field: r.f1_name, parts: passages(r.f1, r.f1_source ?? "") });
  if (r.f2_name && r.f2) snippets.push({ field: r.f2_name, parts: passages(r.f2, r.f2_source ?? "") });
  return {
    kind: r.kind,
    code: r.code,
    title: toSnippetParts(r.title),
    snippets,
    path: r.path,
    rank: Number(r.rank),
    ...(r.kind === "recommendation" && {
      responseClass: r.response_class!,
      milestones: milestones.get(r.code) ?? [],
    }),
    ...(r.status && { status: r.status }),
    ...(r.outcome_kind && { outcomeKind: r.outcome_kind }),
    ...(r.commitment_kind && { commitmentKind: r.commitment_kind }),
    ...(r.council_slug && r.council_name && { council: { slug: r.council_slug, name: r.council_name } }),
  };
}
