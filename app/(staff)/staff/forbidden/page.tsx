import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "You do not have permission to see this page" };

// Where requireStaffPage sends a signed-in user whose role does not allow the page they asked for.
export default function ForbiddenPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-4xl font-bold">You do not have permission to see this page</h1>
      <p>Your account does not allow this. If you need it for your work, ask an administrator of Reform Tracker.</p>
      <p>
        <Link href="/staff">Go to staff home</Link>
      </p>
    </div>
  );
}
