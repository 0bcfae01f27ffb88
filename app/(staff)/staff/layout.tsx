import type { ReactNode } from "react";
import type { Metadata } from "next";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function StaffLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <p className="border-l-4 border-govuk-blue bg-govuk-light-grey px-3 py-2 text-base">
        Staff area for DfE programme staff and council staff. Changes you save are published on the public pages
        straight away, with their reasons.
      </p>
      {children}
    </div>
  );
}
