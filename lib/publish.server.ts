import "server-only";
import { updateTag } from "next/cache";
import { REFORM_DATA_TAG } from "@/lib/public-data.server";

/**
 * Call from a server action after every successful staff write: the cached public data expires at once
 * (updateTag, not revalidateTag's stale-while-revalidate), so the next request of any public page or of the open
 * data shows the change.
 */
export function publishChanges(): void {
  updateTag(REFORM_DATA_TAG);
}
