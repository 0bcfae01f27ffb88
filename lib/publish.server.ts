import "server-only";
import { revalidateTag } from "next/cache";
import { REFORM_DATA_TAG } from "@/lib/public-data.server";

/**
 * Call after every successful staff write: the cached public data expires at once, so public pages and the open
 * data show the change on their next request.
 */
export function publishChanges(): void {
  revalidateTag(REFORM_DATA_TAG, { expire: 0 });
}
