import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReclassifyForm } from "@/components/staff/reclassify-form";
import { SourceText } from "@/components/source-text";
import { ResponseClassTag } from "@/components/status-tags";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { getRecommendation } from "@/lib/reform/recommendations.server";
import { codeFromPath } from "@/lib/reform/codes";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Correct a response class" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function ReclassifyPage({ params, searchParams }: Props) {
  await requireStaffPage("recommendation:reclassify");
  const code = codeFromPath((await params).code);
  if (!code) notFound();
  const r = withDirectionControlsNeutralised(await getRecommendation(code));
  if (!r) notFound();
  const saved = (await searchParams).saved === "1";
  return (
    <div className="space-y-6">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link href="/staff">Back to staff home</Link>
        </li>
        <li>
          <Link href={`/recommendations/${r.code}`}>See the public page for {r.code}</Link>
        </li>
      </ul>
      {saved && (
        <div className="border-4 border-govuk-green p-4" role="status">
          <h2 className="text-xl font-bold">Correction saved</h2>
          <p>
            See it on the <Link href={`/recommendations/${r.code}`}>public page for {r.code}</Link>.
          </p>
        </div>
      )}
      <h1 className="text-4xl font-bold">Correct the response class of {r.code}</h1>
      <p>
        Now: <ResponseClassTag responseClass={r.responseClass} />
      </p>
      <details className="max-w-3xl">
        <summary className="cursor-pointer text-govuk-link underline">Read the recommendation and the response</summary>
        <SourceText text={r.text} className="mt-3 border-l-4 border-govuk-border pl-4" />
        <SourceText text={r.responseText} className="mt-3 border-l-4 border-govuk-border pl-4" />
      </details>
      <ReclassifyForm
        key={r.version}
        code={r.code}
        version={r.version}
        responseClass={r.responseClass}
        rationale={r.responseRationale}
      />
    </div>
  );
}
