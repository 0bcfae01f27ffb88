import type { Metadata } from "next";
import Link from "next/link";
import { PasswordForm } from "@/app/(staff)/staff/password/password-form";
import { requireStaffPage } from "@/lib/auth/guard.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  const actor = await requireStaffPage(undefined, { allowPasswordChange: true });
  return (
    <div className="space-y-6">
      {!actor.mustChangePassword && (
        <p>
          <Link href="/staff">Back to staff home</Link>
        </p>
      )}
      <h1 className="text-4xl font-bold">
        {actor.mustChangePassword ? "Choose your password" : "Change your password"}
      </h1>
      {actor.mustChangePassword ? (
        <p className="max-w-2xl border-l-4 border-govuk-border pl-4">
          You signed in with a one-time password. Choose your own password to continue. Nobody else, including
          administrators, will be able to see it.
        </p>
      ) : (
        <p className="max-w-2xl">You are signed in as {actor.email}.</p>
      )}
      <PasswordForm email={actor.email} />
    </div>
  );
}
