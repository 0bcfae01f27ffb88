import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CsvImportForm } from "@/components/staff/csv-import-form";
import { CsvColumnGuide, type CsvColumn } from "@/components/staff/csv-column-guide";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { roleMay } from "@/lib/auth/permissions";
import { councilByKey } from "@/lib/local-actions/csv.server";
import { LOCAL_ACTION_LIMITS } from "@/lib/validations/local-action";
import { MILESTONE_STATUSES } from "@/lib/vocabulary";
import { localActionImportAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Update local actions from a CSV file" };

type Props = { params: Promise<{ slug: string }> };

const COLUMNS: CsvColumn[] = [
  { name: "code", meaning: "The local action, for example LA-3. Do not change it. Leave it empty to add a new one." },
  {
    name: "title",
    meaning: `A short name for the local action. At most ${LOCAL_ACTION_LIMITS.title} characters. Published.`,
  },
  {
    name: "description",
    meaning: `What the council is doing, in plain English. At most ${LOCAL_ACTION_LIMITS.description.toLocaleString("en-GB")} characters. Published.`,
  },
  {
    name: "leadRole",
    meaning: "Who leads it, as a role (for example Director of Children\u2019s Services), never a person\u2019s name.",
  },
  {
    name: "dueDate",
    meaning:
      "When the council planned to finish it, as 2026-03-31 (or 31/03/2026). Set when the action is added and never moved: put a later date in forecastDate.",
  },
  {
    name: "version",
    meaning:
      "Do not change it; empty for a new action. It shows whether someone has changed the action since you downloaded the file.",
  },
  {
    name: "status",
    meaning: `One of: ${MILESTONE_STATUSES.join(", ")} (or the label the site shows, such as On track).`,
  },
  {
    name: "forecastDate",
    meaning: "When you now expect it to be done, as 2026-03-31 (or 31/03/2026). Leave empty if it is on its due date.",
  },
  {
    name: "actualDate",
    meaning: "Only for a complete action, as 2026-03-31 (or 31/03/2026). It cannot be in the future.",
  },
  {
    name: "commentary",
    meaning: `What has happened, in plain English. Published. At most ${LOCAL_ACTION_LIMITS.commentary.toLocaleString("en-GB")} characters.`,
  },
  {
    name: "evidence",
    meaning: `Up to ${LOCAL_ACTION_LIMITS.evidenceLinks} links to published documents, one on each line of the cell, each written as Title|https://address. To put a | in a title, write \\|.`,
  },
  {
    name: "milestones",
    meaning: "The national milestones it serves, as codes separated by semicolons, for example M-30; M-31.",
  },
  { name: "recommendations", meaning: "The recommendations it serves, as codes, for example CR-01; CPE-02." },
  { name: "commitments", meaning: "The Annex 1 actions it serves, as codes, for example A1-O1-N3." },
  {
    name: "reason",
    meaning:
      "Why the action changed. Required when the forecast date moves later, or the status becomes at_risk, delayed or superseded. Published in the action\u2019s history.",
  },
];

// The council's staff may use this page; DfE admins may use it for any council. The guard asks for no permission
// itself and checks the council here, so that it suits council accounts (decision 0017).
export default async function ImportLocalActionsPage({ params }: Props) {
  const actor = await requireStaffPage();
  if (!roleMay(actor.role, "local-action:write")) redirect("/staff/forbidden");
  const council = await councilByKey((await params).slug);
  if (!council) notFound();
  if (actor.councilId !== null && actor.councilId !== council.id) redirect("/staff/forbidden");
  const base = `/staff/councils/${council.slug}`;

  return (
    <div className="space-y-8">
      <p>
        <Link href={base}>Back to {council.name}&apos;s local actions</Link>
      </p>
      <div className="max-w-3xl space-y-4">
        <p className="text-xl text-govuk-secondary">{council.name}</p>
        <h1 className="text-4xl font-bold">Update local actions from a CSV file</h1>
        <p className="text-xl">
          You can add and update many of {council.name}&apos;s local actions at once by editing a spreadsheet of them
          and uploading it.
        </p>
        <ol className="list-decimal space-y-2 pl-6">
          <li>
            {/* A file download, not a page: a plain link, so the browser saves it. */}
            <a href={`${base}/local-actions.csv`} download>
              Download {council.name}&apos;s local actions as a CSV file
            </a>{" "}
            (every local action as it is now).
          </li>
          <li>
            Change the rows you need to, and add a row with an empty code for each new local action. Leave the other
            rows as they are: rows with no change are skipped.
          </li>
          <li>
            Save the file as CSV UTF-8 and upload it below. You will see every change, and any problem, before anything
            is saved.
          </li>
          <li>
            Apply the changes. If any row has a problem, nothing is saved, so the local actions are never half updated.
          </li>
        </ol>
        <p>
          Changes are published on {council.name}&apos;s public page as soon as you apply them, attributed to{" "}
          {council.name}, never to you by name. If someone updates a local action after you download the file, the
          upload tells you so for that row: download the file again and make your changes in the new one.
        </p>
      </div>

      <CsvColumnGuide caption="Columns of the local actions CSV file" columns={COLUMNS}>
        Empty cells mean none. The first row of the file must keep the column names. Each local action must serve at
        least one national milestone, recommendation or Annex 1 action.
      </CsvColumnGuide>

      <CsvImportForm
        action={localActionImportAction.bind(null, council.slug)}
        names={{
          one: "local action",
          many: "local actions",
          publicPath: `/councils/${council.slug}/actions/`,
          label: "Local action",
        }}
      />
    </div>
  );
}
