"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { FormErrorSummary } from "@/components/staff/form-errors";
import { SubmitButton, TextInput } from "@/components/staff/fields";

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      // The server's message says what to do, and never whether the email has an account.
      setError(
        result?.error && result.error !== "CredentialsSignin"
          ? result.error
          : "Enter a correct email address and password.",
      );
      return;
    }
    router.push("/staff");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-6" noValidate>
      <FormErrorSummary errors={error ? [{ field: "email", message: error }] : []} />
      <TextInput name="email" type="email" label="Email address" autoComplete="username" error={error ?? undefined} />
      <TextInput name="password" type="password" label="Password" autoComplete="current-password" />
      <SubmitButton>{pending ? "Signing in…" : "Sign in"}</SubmitButton>
    </form>
  );
}

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/" }))}
      className="underline text-govuk-link"
    >
      Sign out
    </button>
  );
}
