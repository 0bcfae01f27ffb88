import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/staff/sign-in-form";
import { SignOutEverywhere } from "@/components/staff/sign-out-everywhere";
import { MilestoneTable } from "@/components/milestone-table";
import { FilterForm, SelectField } from "@/components/filter-form";
import { ErrorSummary } from "@/components/ui/error-summary";
import { redirect } from "next/navigation";
import { councilStaffHome, requireStaffPage } from "@/lib/auth/guard.server";
import { roleMay } from "@/lib/auth/permissions";
import { listMilestones } from "@/lib/reform/milestones.server";
import { listPillars } from "@/lib/reform/pillars-outcomes.server";
import { numbered } from "@/lib/reform/options";
import {
  parseStaffHomeFilters,
  STAFF_HOME_SHOW_LABELS,
  STAFF_HOME_SHOWS,
  staffHomeMilestoneFilters,
} from "@/lib/validations/staff-home";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";
import { ROLE_LABELS } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff home" };

export default async function StaffHomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const params = await searchParams;
  const passwordChanged = params.password === "changed";
  // A council account's home is its council's local actions, not the national editors' dashboard (decision 0017).
  if (actor.councilId !== null)
    redirect(`${await councilStaffHome(actor.councilId)}${passwordChanged ? "?password=changed" : ""}`);
  const parsed = parseStaffHomeFilters(params);
  const filters = parsed.ok ? parsed.filters : {};
  const filtered = filters.show !== undefined || filters.pillar !== undefined;
  const [milestones, pillars] = await Promise.all([
    parsed.ok
      ? listMilestones(staffHomeMilestoneFilters(filters), { all: true }).then(withDirectionControlsNeutralised)
      : null,
    listPillars(),
  ]);

  return (
    <div className="space-y-8">
      {passwordChanged && (
        <div className="border-4 border-govuk-green p-4" role="status">
          <p className="font-bold">Your password has been changed</p>
          <p>Use your new password the next time you sign in.</p>
        </div>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-4xl font-bold">Staff home</h1>
        <p>
          Signed in as {actor.name} ({actor.email}), {ROLE_LABELS[actor.role].toLowerCase()}. <SignOutButton />
        </p>
      </div>
      <ul className="list-disc space-y-1 pl-6">
        {roleMay(actor.role, "milestone:create") && (
          <li>
            <Link href="/staff/milestones/new">Add a milestone</Link>
          </li>
        )}
        {roleMay(actor.role, "programme:manage") && (
          <li>
            <Link href="/staff/programmes">National programmes and the councils that take part</Link>
          </li>
        )}
        {roleMay(actor.role, "recommendation:reclassify") && (
          <li>
            <Link href="/staff/recommendations">Correct a recommendation&apos;s response class</Link>
          </li>
        )}
        {roleMay(actor.role, "milestone:import") && (
          <li>
            <Link href="/staff/milestones/import">Update milestones from a CSV file</Link>
          </li>
        )}
        {roleMay(actor.role, "user:manage") && (
          <li>
            <Link href="/staff/users">Manage staff accounts</Link>
          </li>
        )}
        {roleMay(actor.role, "local-action:write") && (
          <li>
            <Link href="/staff/councils">Councils&apos; local actions and accounts</Link>
          </li>
        )}
        <li>
          <Link href="/staff/password">Change your password</Link>
        </li>
      </ul>
      <SignOutEverywhere />
      <h2 className="text-2xl font-bold">Milestones to update</h2>
      {!parsed.ok && (
        <ErrorSummary errors={parsed.errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))} />
      )}
      <FilterForm action="/staff" clearHref="/staff">
        <SelectField
          name="show"
          label="Show"
          value={filters.show}
          anyLabel="All milestones"
          options={STAFF_HOME_SHOWS.map((show) => ({ value: show, label: STAFF_HOME_SHOW_LABELS[show] }))}
        />
        <SelectField name="pillar" label="Pillar" value={filters.pillar} options={numbered(pillars)} />
      </FilterForm>
      {milestones && (
        <>
          <p className="font-bold" aria-live="polite">
            {milestones.total === 0
              ? "No milestones match these filters"
              : `${milestones.total} milestone${milestones.total === 1 ? "" : "s"}${filtered ? " match these filters" : ""}`}
          </p>
          {milestones.total > 0 && (
            <MilestoneTable
              caption={filtered ? "Milestones to update, filtered" : "Milestones to update"}
              milestones={milestones.items}
              linkFor={(m) => ({ href: `/staff/milestones/${m.code}`, text: `Update ${m.code}: ${m.title}` })}
            />
          )}
        </>
      )}
    </div>
  );
}
