import "server-only";
import { db } from "@/lib/db/client.server";
import { toIsoDay } from "@/lib/dates";
import { DATASETS, type DatasetDoc } from "@/lib/reform/open-data-fields";
import { COUNCILS_ATTRIBUTION } from "@/lib/seed/councils";
import type { SiteSettings } from "@/lib/site-settings.server";

// schema.org `Dataset` descriptions of the open-data downloads, for search engines' dataset search: written on
// /open-data as one JSON-LD data block. One entry per dataset of lib/reform/open-data-fields.ts, so a new download
// gets one as soon as it is given its words below (the Record type makes that a compile error until it is).
// Every fact is the seeds' (README, prisma/seed/data) or the database's; the publisher is the operator's setting.

export const OGL_V3 = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
const DFE = { "@type": "GovernmentOrganization", name: "Department for Education" } as const;
const MYSOCIETY = { "@type": "Organization", name: "mySociety" } as const;

/** From the strategy's publication (February 2023) on: the tracker follows the reform from then. */
const SINCE_THE_STRATEGY = "2023-02/..";

interface DatasetWords {
  description: string;
  license: string;
  creator: object;
  temporalCoverage: (facts: Facts) => string | null;
}

interface Facts {
  milestoneDates: { first: string; last: string } | null;
  firstProgrammeDay: string | null;
}

const WORDS: Record<DatasetDoc["id"], DatasetWords> = {
  recommendations: {
    description:
      "The recommendations of the Independent Review of Children's Social Care, the Child Safeguarding Practice Review Panel's Child Protection in England and the Competition and Markets Authority's market study, with the government's response to each in Stable Homes, Built on Love, and the status of the milestones that deliver them.",
    license: OGL_V3,
    creator: DFE,
    temporalCoverage: () => SINCE_THE_STRATEGY,
  },
  milestones: {
    description:
      "The milestones of the children's social care reform in England, from Stable Homes, Built on Love and DfE programme staff: due, forecast and actual dates, status, commentary and evidence, kept up to date with every change recorded.",
    license: OGL_V3,
    creator: DFE,
    temporalCoverage: (facts) =>
      facts.milestoneDates ? `${facts.milestoneDates.first}/${facts.milestoneDates.last}` : null,
  },
  pillars: {
    description:
      "The six pillars of the children's social care reform in England set out in Stable Homes, Built on Love, with the number of their recommendations by government response and of their milestones by status.",
    license: OGL_V3,
    creator: DFE,
    temporalCoverage: () => SINCE_THE_STRATEGY,
  },
  outcomes: {
    description:
      "The four outcomes and two enablers of the children's social care reform in England set out in Stable Homes, Built on Love, with the number of their recommendations by government response and of their milestones by status.",
    license: OGL_V3,
    creator: DFE,
    temporalCoverage: () => SINCE_THE_STRATEGY,
  },
  councils: {
    description: `The English local authorities with children's services duties, with their ONS (GSS) code, type, region, population and any successor. ${COUNCILS_ATTRIBUTION.text}`,
    license: COUNCILS_ATTRIBUTION.licenceUrl,
    creator: MYSOCIETY,
    temporalCoverage: () => null,
  },
  programmes: {
    description:
      "The national programmes of the children's social care reform in England that involve particular councils, as recorded by DfE programme staff: the councils taking part and the dates of each one's part.",
    license: OGL_V3,
    creator: DFE,
    temporalCoverage: (facts) => (facts.firstProgrammeDay ? `${facts.firstProgrammeDay}/..` : null),
  },
  "local-actions": {
    description:
      "What England's councils with children's services duties say they are doing about the national reform: each council's local actions, the national milestones, recommendations and Annex 1 actions they serve, their status, due, forecast and actual dates, and every change, published by the council.",
    license: OGL_V3,
    creator: { "@type": "Organization", name: "English councils with children's services duties" },
    temporalCoverage: () => SINCE_THE_STRATEGY,
  },
};

async function readFacts(): Promise<Facts> {
  const [milestones, programmes] = await Promise.all([
    db().milestone.aggregate({ _min: { dueDate: true }, _max: { dueDate: true } }),
    db().programmeCouncil.aggregate({ _min: { fromDate: true } }),
  ]);
  const first = toIsoDay(milestones._min.dueDate);
  const last = toIsoDay(milestones._max.dueDate);
  return {
    milestoneDates: first && last ? { first, last } : null,
    firstProgrammeDay: toIsoDay(programmes._min.fromDate),
  };
}

/** The JSON-LD graph: one `Dataset` per download, its JSON and CSV as absolute addresses on `origin`. */
export async function datasetsJsonLd(origin: string, settings: Pick<SiteSettings, "operator">): Promise<object> {
  const facts = await readFacts();
  const site = new URL("/", origin).href;
  const publisher = settings.operator
    ? { "@type": "Organization", name: settings.operator }
    : { "@type": "Organization", name: "Reform Tracker", url: site };
  return {
    "@context": "https://schema.org",
    "@graph": DATASETS.map((dataset) => {
      const words = WORDS[dataset.id];
      const page = new URL(`/open-data#${dataset.id}`, origin).href;
      const json = new URL(dataset.path, origin).href;
      const coverage = words.temporalCoverage(facts);
      return {
        "@type": "Dataset",
        "@id": page,
        name: `Reform Tracker: ${dataset.title.toLowerCase()}`,
        description: words.description,
        url: page,
        license: words.license,
        isAccessibleForFree: true,
        inLanguage: "en-GB",
        spatialCoverage: { "@type": "Place", name: "England" },
        ...(coverage ? { temporalCoverage: coverage } : {}),
        publisher,
        creator: words.creator,
        variableMeasured: dataset.fields.map((field) => field.name),
        distribution: [
          { "@type": "DataDownload", encodingFormat: "application/json", contentUrl: json },
          { "@type": "DataDownload", encodingFormat: "text/csv", contentUrl: `${json}?format=csv` },
        ],
      };
    }),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no text in it can close the element. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
