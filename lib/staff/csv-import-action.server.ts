import "server-only";
import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import {
  CSV_UPLOAD_LIMITS,
  decodeCsvBytes,
  fileFailure,
  type ApplyReport,
  type ImportReport,
  type ImportState,
} from "@/lib/csv-upload";
import { isFormData, UNREADABLE_FORM_MESSAGE } from "@/lib/staff/action-result";
import { describeDatabaseError, isDatabaseUnavailable, TRY_AGAIN_LATER_MESSAGE } from "@/lib/db/errors";

// The one server action of every staff CSV upload (milestones, a council's local actions): "preview" checks an
// uploaded file and shows what it would change; "apply" saves the same file. The file travels back from the preview
// to the apply step as base64 text in a hidden field (form encoding would otherwise rewrite its line breaks). Nothing
// here trusts the browser: apply checks who is signed in and every row again, inside the transaction that writes.

function fileProblem(message: string, fileName = ""): ImportState {
  return { stage: "preview", fileName, csv: "", report: fileFailure(message) };
}

function refused(error: unknown, name: string): ImportState {
  if (error instanceof NotSignedInError || error instanceof ForbiddenError)
    return { stage: "refused", message: error.message };
  if (isDatabaseUnavailable(error)) {
    console.error(`${name}: database unavailable (${describeDatabaseError(error)})`);
    return { stage: "refused", message: TRY_AGAIN_LATER_MESSAGE };
  }
  throw error;
}

export interface CsvImport {
  /** Names the import in the server's log. */
  name: string;
  preview: (csvText: string) => Promise<ImportReport>;
  apply: (csvText: string) => Promise<ApplyReport>;
}

async function preview(form: FormData, csvImport: CsvImport): Promise<ImportState> {
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
  if (file.size > CSV_UPLOAD_LIMITS.maxBytes)
    return fileProblem(
      "The file is larger than 2 MB. Upload the file you exported from this page, with your changes.",
      fileName,
    );
  if (file.size === 0) return fileProblem("The selected file is empty", fileName);
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return fileProblem(decoded.error, fileName);
  try {
    const report = await csvImport.preview(decoded.text);
    return {
      stage: "preview",
      fileName,
      report,
      csv: report.ok ? Buffer.from(decoded.text, "utf8").toString("base64") : "",
    };
  } catch (error) {
    return refused(error, csvImport.name);
  }
}

async function apply(form: FormData, csvImport: CsvImport): Promise<ImportState> {
  const fileName = String(form.get("fileName") ?? "");
  const encoded = form.get("csv");
  if (typeof encoded !== "string" || encoded === "" || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
    return fileProblem("Upload your file again, then check it before you apply the changes");
  }
  const decoded = decodeCsvBytes(new Uint8Array(Buffer.from(encoded, "base64")));
  if (!decoded.ok) return fileProblem(decoded.error, fileName);
  let report: ApplyReport;
  try {
    report = await csvImport.apply(decoded.text);
  } catch (error) {
    return refused(error, csvImport.name);
  }
  if (!report.ok) return { stage: "apply_failed", fileName, report };
  return { stage: "applied", fileName, report };
}

/** Answers one submission of a CSV upload form: a preview, or the apply step. */
export async function answerCsvImport(form: unknown, csvImport: CsvImport): Promise<ImportState> {
  if (!isFormData(form)) return { stage: "refused", message: UNREADABLE_FORM_MESSAGE };
  return form.get("intent") === "apply" ? apply(form, csvImport) : preview(form, csvImport);
}
