import type { Metadata } from "next";
import Link from "next/link";
import { CsvColumnGuide, type CsvColumn } from "@/components/staff/csv-column-guide";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { LIMITS } from "@/lib/validations/milestone-update";
import { MILESTONE_STATUSES } from "@/lib/vocabulary";
import { CsvImportForm } from "@/components/staff/csv-import-form";
import { milestoneImportAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Update milestones from a CSV file" };

const COLUMNS: CsvColumn[] = [
  { name: "code", meaning: "The milestone, for example M-01. Do not change it." },
  { name: "title", meaning: "The milestone's title, to help you find it. Changing it has no effect." },
  { name: "dueDate", meaning: "The original due date from the strategy. Changing it has no effect." },
  {
    name: "version",
    meaning: "Do not change it. It shows whether someone has changed the milestone since you downloaded the file.",
  },
  {
    name: "status",
    meaning: `One of: ${MILESTONE_STATUSES.join(", ")} (or the label the site shows, such as On track).`,
  },
  {
    name: "forecastDate",
    meaning:
      "When you now expect it to be done, as 2024-03-31 (or 31/03/2024). Leave empty if it is on its original date.",
  },
  {
    name: "actualDate",
    meaning: "Only for a complete milestone, as 2024-03-31 (or 31/03/2024). It cannot be in the future.",
  },
  {
    name: "commentary",
    meaning: `What has happened, in plain English. This is published. At most ${LIMITS.commentary.toLocaleString("en-GB")} characters.`,
  },
  {
    name: "evidence",
    meaning: `Up to ${LIMITS.evidenceLinks} links to published documents, one on each line of the cell, each written as Title|https://address. To put a | in a title, write \\|.`,
  },
  {
    name: "reason",
    meaning:
      "Why the milestone changed. Required when the forecast date moves later, or the status becomes at_risk, delayed or superseded. It is published in the milestone's history.",
  },
];

export default async function ImportMilestonesPage() {
  await requireStaffPage("milestone:import");

  return (
    <div className="space-y-8">
      <p>
        <Link href="/staff">Back to staff home</Link>
      </p>
      <div className="max-w-3xl space-y-4">
        <h1 className="text-4xl font-bold">Update milestones from a CSV file</h1>
        <p className="text-xl">
          You can update many milestones at once by editing a spreadsheet of them and uploading it.
        </p>
        <ol className="list-decimal space-y-2 pl-6">
          <li>
            <a href="/api/staff/milestones/export" download>
              Download the milestones as a CSV file
            </a>{" "}
            (every milestone as it is now).
          </li>
          <li>Change the rows you need to. Leave the other rows as they are: rows with no change are skipped.</li>
          <li>
            Save the file as CSV UTF-8 and upload it below. You will see every change, and any problem, before anything
            is saved.
          </li>
          <li>
            Apply the changes. If any row has a problem, nothing is saved, so the milestones are never half updated.
          </li>
        </ol>
        <p>
          If someone updates a milestone after you download the file, the upload tells you so for that row: download the
          file again and make your changes in the new one.
        </p>
      </div>

      <CsvColumnGuide caption="Columns of the milestones CSV file" columns={COLUMNS}>
        Empty cells mean none. The first row of the file must keep the column names.
      </CsvColumnGuide>

      <CsvImportForm
        action={milestoneImportAction}
        names={{ one: "milestone", many: "milestones", publicPath: "/milestones/", label: "Milestone" }}
      />
    </div>
  );
}
