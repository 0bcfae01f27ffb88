"use client";

import { useActionState } from "react";
import { signOutEverywhereAction } from "@/app/(staff)/staff/actions";
import { FormErrorSummary } from "@/components/staff/form-errors";
import { IDLE } from "@/lib/staff/action-result";

/** Ends every session of the signed-in account: a laptop left signed in somewhere, a cookie that may have leaked. */
export function SignOutEverywhere() {
  const [state, formAction, pending] = useActionState(signOutEverywhereAction, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <FormErrorSummary errors={state.errors} />
      <button id="sign-out-everywhere" type="submit" disabled={pending} className="underline text-govuk-link">
        Sign out everywhere
      </button>
      <p className="text-base text-govuk-secondary">
        Ends every session of your account, on every device, this one too.
      </p>
    </form>
  );
}
