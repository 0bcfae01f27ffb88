"use client";

import { useActionState } from "react";
import { changePassword } from "@/app/(staff)/staff/password/actions";
import { FormErrorSummary } from "@/components/staff/form-errors";
import { SubmitButton, TextInput } from "@/components/staff/fields";
import { errorMap, IDLE } from "@/lib/staff/action-result";
import { USER_LIMITS } from "@/lib/validations/users";

export function PasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changePassword, IDLE);
  const errors = errorMap(state.errors);
  return (
    <form action={action} className="max-w-md space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      {/* Lets password managers save the new password against the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextInput
        name="currentPassword"
        type="password"
        label="Current password"
        hint="If you were sent a one-time password, enter it here."
        autoComplete="current-password"
        error={errors.currentPassword}
      />
      <TextInput
        name="newPassword"
        type="password"
        label="New password"
        hint={`Use ${USER_LIMITS.passwordMin} characters or more. A few unrelated words make a password that is long and easy to remember.`}
        autoComplete="new-password"
        error={errors.newPassword}
      />
      <TextInput
        name="confirmPassword"
        type="password"
        label="Confirm new password"
        autoComplete="new-password"
        error={errors.confirmPassword}
      />
      <SubmitButton>{pending ? "Saving…" : "Change password"}</SubmitButton>
    </form>
  );
}
