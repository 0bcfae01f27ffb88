import type { Metadata } from "next";
import Link from "next/link";
import { ResponseClassTag } from "@/components/status-tags";
import { excerpt } from "@/components/source-text";
import { Table, td, th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { listRecommendations } from "@/lib/reform/recommendations.server";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Correct response classes" };

export default async function StaffRecommendationsPage() {
  await requireStaffPage("recommendation:reclassify");
  const list = withDirectionControlsNeutralised(await listRecommendations({}, { all: true }));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff">Back to staff home</Link>
      </p>
      <h1 className="text-4xl font-bold">Correct response classes</h1>
      <p className="max-w-2xl">
        Choose a recommendation to correct how its response is classified. Each correction is published with its reason.
      </p>
      <Table caption="Recommendations and their response classes">
        <thead>
          <tr>
            <th scope="col" className={th}>
              Recommendation
            </th>
            <th scope="col" className={th}>
              Response
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((r) => (
            <tr key={r.code}>
              <td className={td}>
                <Link href={`/staff/recommendations/${r.code}`}>Correct {r.code}</Link>
                <p className="text-base text-govuk-secondary">{excerpt(r.text, 160)}</p>
              </td>
              <td className={td}>
                <ResponseClassTag responseClass={r.responseClass} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
