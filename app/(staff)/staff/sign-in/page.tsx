import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/sign-in-form";
import { currentActor } from "@/lib/auth/options.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await currentActor()) redirect("/staff");
  const signedOutEverywhere = (await searchParams).signedOut === "everywhere";
  return (
    <div className="space-y-6">
      {signedOutEverywhere && (
        <div className="border-4 border-govuk-green p-4" role="status">
          <p className="font-bold">You have been signed out everywhere</p>
          <p>Every session of your account has ended, on every device.</p>
        </div>
      )}
      <h1 className="text-4xl font-bold">Sign in</h1>
      <p className="max-w-2xl">
        For Department for Education programme staff who keep the tracker up to date. You do not need to sign in to read
        it.
      </p>
      <SignInForm />
    </div>
  );
}
