"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { hasStaffHint, type StaffSessionAnswer } from "@/lib/auth/staff-hint";
import { codeFromPath } from "@/lib/reform/codes";

// Staff shortcuts on public pages: who is signed in, the staff home, and the staff form for the milestone or
// recommendation on screen. Public pages are rendered once for every reader (decision 0009), so the server renders
// nothing here; the browser asks who is signed in, and only when the "signed in" hint cookie is there
// (lib/auth/staff-hint.ts): anonymous readers make no extra request.

function editLink(pathname: string, staff: StaffSessionAnswer): { href: string; text: string } | null {
  const [, section, segment, rest] = pathname.split("/");
  const code = segment && rest === undefined ? codeFromPath(segment) : null;
  if (!code) return null;
  if (section === "milestones" && staff.mayUpdateMilestones)
    return { href: `/staff/milestones/${code}`, text: "Edit this milestone" };
  if (section === "recommendations" && staff.mayReclassify)
    return { href: `/staff/recommendations/${code}`, text: "Reclassify this recommendation" };
  return null;
}

export function StaffBar() {
  const pathname = usePathname();
  const onStaffPage = pathname === "/staff" || pathname.startsWith("/staff/");
  const [staff, setStaff] = useState<StaffSessionAnswer | null>(null);

  // Asked again after a navigation only while unknown: staff may have signed in since the page first loaded.
  useEffect(() => {
    if (onStaffPage || staff) return;
    if (!hasStaffHint(document.cookie)) return;
    const controller = new AbortController();
    fetch("/api/staff/session", { credentials: "same-origin", cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<StaffSessionAnswer>) : null))
      .then((answer) => setStaff(answer?.signedIn ? answer : null))
      .catch(() => {}); // no bar: the page itself is unaffected
    return () => controller.abort();
  }, [onStaffPage, staff]);

  if (!staff || onStaffPage) return null;
  const edit = editLink(pathname, staff);
  return (
    <nav aria-label="Staff" className="border-b border-govuk-border bg-govuk-light-grey">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-1 px-4 py-2 text-base">
        <li>
          Signed in as <strong>{staff.name}</strong>
        </li>
        <li>
          <Link href="/staff" prefetch={false}>
            Staff home
          </Link>
        </li>
        {edit && (
          <li>
            <Link href={edit.href} prefetch={false} className="font-bold">
              {edit.text}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
