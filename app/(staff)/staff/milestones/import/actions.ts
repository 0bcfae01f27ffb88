"use server";

import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import { sessionUserId } from "@/lib/auth/options.server";
import {
  applyMilestoneImport,
  decodeCsvBytes,
  MILESTONE_CSV_LIMITS,
  previewMilestoneImport,
  type ApplyReport,
  type ImportReport,
} from "@/lib/staff/milestone-csv.server";
import { isFormData, UNREADABLE_FORM_MESSAGE } from "@/lib/staff/action-result";
import { describeDatabaseError, isDatabaseUnavailable, TRY_AGAIN_LATER_MESSAGE } from "@/lib/db/errors";

// The CSV upload's one server action: "preview" checks an uploaded file and shows what it would change;
// "apply" saves the same file. The file travels back from the preview to the apply step as base64 text in a
// hidden field (form encoding would otherwise rewrite its line breaks). Nothing here trusts the browser: apply
// checks who is signed in and every row again, inside the transaction that writes.

export type ImportState =
  | { stage: "idle" }
  | { stage: "refused"; message: string }
  | { stage: "preview"; fileName: string; report: ImportReport; csv: string }
  | { stage: "applied"; fileName: string; report: ApplyReport }
  | { stage: "apply_failed"; fileName: string; report: ApplyReport };

function fileProblem(message: string, fileName = ""): ImportState {
  return {
    stage: "preview",
    fileName,
    csv: "",
    report: { ok: false, fileError: message, rows: [], summary: { rows: 0, changes: 0, unchanged: 0, errors: 0 } },
  };
}

function refused(error: unknown): ImportState {
  if (error instanceof NotSignedInError || error instanceof ForbiddenError)
    return { stage: "refused", message: error.message };
  if (isDatabaseUnavailable(error)) {
    console.error(`milestone import: database unavailable (${describeDatabaseError(error)})`);
    return { stage: "refused", message: TRY_AGAIN_LATER_MESSAGE };
  }
  throw error;
}

async function preview(form: FormData): Promise<ImportState> {
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === ""))
    return fileProblem("Select the CSV file with your changes");
  const fileName = file.name;
  if (/\.(xlsx|xlsm|xls|ods|numbers)$/i.test(fileName)) {
    return fileProblem(
      'The file is a spreadsheet, not a CSV file. In Excel choose "Save as", then "CSV UTF-8 (Comma delimited)".',
      fileName,
    );
  }
  if (file.size > MILESTONE_CSV_LIMITS.maxBytes)
    return fileProblem(
      "The file is larger than 2 MB. Upload the file you exported from this page, with your changes.",
      fileName,
    );
  if (file.size === 0) return fileProblem("The selected file is empty", fileName);
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return fileProblem(decoded.error, fileName);
  try {
    const report = await previewMilestoneImport(await sessionUserId(), decoded.text);
    return {
      stage: "preview",
      fileName,
      report,
      csv: report.ok ? Buffer.from(decoded.text, "utf8").toString("base64") : "",
    };
  } catch (error) {
    return refused(error);
  }
}

async function apply(form: FormData): Promise<ImportState> {
  const fileName = String(form.get("fileName") ?? "");
  const encoded = form.get("csv");
  if (typeof encoded !== "string" || encoded === "" || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
    return fileProblem("Upload your file again, then check it before you apply the changes");
  }
  const decoded = decodeCsvBytes(new Uint8Array(Buffer.from(encoded, "base64")));
  if (!decoded.ok) return fileProblem(decoded.error, fileName);
  let report: ApplyReport;
  try {
    report = await applyMilestoneImport(await sessionUserId(), decoded.text);
  } catch (error) {
    return refused(error);
  }
  if (!report.ok) return { stage: "apply_failed", fileName, report };
  return { stage: "applied", fileName, report };
}

export async function milestoneImportAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  if (!isFormData(form)) return { stage: "refused", message: UNREADABLE_FORM_MESSAGE };
  return form.get("intent") === "apply" ? apply(form) : preview(form);
}
