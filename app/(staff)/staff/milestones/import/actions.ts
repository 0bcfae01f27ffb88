"use server";

import { sessionUserId } from "@/lib/auth/options.server";
import type { ImportState } from "@/lib/csv-upload";
import { answerCsvImport } from "@/lib/staff/csv-import-action.server";
import { applyMilestoneImport, previewMilestoneImport } from "@/lib/staff/milestone-csv.server";

// The milestone CSV upload's one server action (preview, then apply): lib/staff/csv-import-action.server.ts.

export async function milestoneImportAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  return answerCsvImport(form, {
    name: "milestone import",
    preview: async (text) => previewMilestoneImport(await sessionUserId(), text),
    apply: async (text) => applyMilestoneImport(await sessionUserId(), text),
  });
}
