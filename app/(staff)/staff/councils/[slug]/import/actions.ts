"use server";

import { sessionUserId } from "@/lib/auth/options.server";
import type { ImportState } from "@/lib/csv-upload";
import { answerCsvImport } from "@/lib/staff/csv-import-action.server";
import { applyLocalActionImport, previewLocalActionImport } from "@/lib/local-actions/csv.server";

// A council's local actions CSV upload (preview, then apply): lib/staff/csv-import-action.server.ts. The council is
// bound by the page; the import authorises the signed-in user for it again on every call (a Server Action is a public
// endpoint, and its bound arguments are the caller's to choose).

export async function localActionImportAction(
  council: unknown,
  _previous: ImportState,
  form: FormData,
): Promise<ImportState> {
  const key = typeof council === "string" ? council : "";
  return answerCsvImport(form, {
    name: "local action import",
    preview: async (text) => previewLocalActionImport(await sessionUserId(), key, text),
    apply: async (text) => applyLocalActionImport(await sessionUserId(), key, text),
  });
}
