"use client";

import { formatDateTime } from "@/lib/dates";

import { useActionState, useEffect, useRef } from "react";
import { manageUsers } from "@/app/(staff)/staff/users/actions";
import { USERS_IDLE, usersFieldId, type UsersActionState } from "@/app/(staff)/staff/users/state";
import { SubmitButton } from "@/components/staff/fields";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Tag } from "@/components/ui/tag";
import { Table, td, th } from "@/components/ui/table";
import {
  COUNCIL_ROLES,
  DFE_ROLES,
  isCouncilRole,
  ROLE_HINTS,
  ROLE_LABELS,
  ROLES,
  type RoleValue,
} from "@/lib/vocabulary";

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: RoleValue;
  active: boolean;
  mustChangePassword: boolean;
  /** Already formatted on the server, in UK time. */
  lastSignIn: string | null;
  deactivatedOn: string | null;
  /** Sign-in locked for clients the tracker does not know (too many failed attempts), until (formatted). */
  signInLock: { failures: number; until: string } | null;
  /** A council account's council. */
  council: string | null;
  /** Whether the person looking may change this account from this page. */
  manageable: boolean;
}

/**
 * Which accounts the page manages (decision 0017): every account, for an admin on Manage staff accounts (who may
 * invite council accounts for any council); or one council's, on that council's page, for its council lead (who
 * invites council editors only) or an admin (who may also invite the council's leads).
 */
export type UsersScope =
  | { kind: "national"; councils: Array<{ slug: string; name: string }> }
  | { kind: "council"; council: { slug: string; name: string }; inviteRoles: readonly RoleValue[] };

// Every form here is a plain HTML form posting to one server action, so the page works without JavaScript too.
// With JavaScript, the page is not reloaded: the result (and any one-time password) is shown at the top, focused.

const selectClass = (error?: string) =>
  `block border-2 bg-white p-1.5 ${error ? "border-govuk-red" : "border-govuk-text"}`;

function SuccessBanner({ state, signInUrl }: { state: UsersActionState; signInUrl: string }) {
  if (state.status !== "done" || !state.message) return null;
  const otp = state.oneTimePassword;
  return (
    <div
      id="users-result"
      className="mb-6 border-4 border-govuk-green"
      role="alert"
      aria-labelledby="users-success-title"
      tabIndex={-1}
    >
      <h2 id="users-success-title" className="bg-govuk-green px-4 py-1 font-bold text-white">
        Success
      </h2>
      <div className="space-y-3 p-4">
        <p className="text-xl font-bold">{state.message}</p>
        {otp && (
          <>
            <p>
              One-time password for {otp.email}:{" "}
              <code
                translate="no"
                spellCheck={false}
                className="inline-block bg-govuk-light-grey px-2 py-1 font-mono text-2xl tracking-wider break-all"
              >
                {otp.password}
              </code>
            </p>
            <p>
              Send it to {otp.name} securely: for example tell them by phone or Teams call, or use encrypted email. Do
              not put it in the same message as the address of this site.
            </p>
            <p>
              It is shown only this once and is not kept anywhere you can read it. It works until{" "}
              <strong>{formatDateTime(otp.expiresAt)}</strong> (UK time); if it is lost or runs out, reset the password
              again. When they sign in with it at {signInUrl}, they must choose their own password.
            </p>
          </>
        )}
      </div>
    </div>
  );
}

/** "Are you sure?" before an account is deactivated: a form of its own, so it works without JavaScript. */
function ConfirmDeactivation({
  state,
  formAction,
  scope,
  pageHref,
}: {
  state: UsersActionState;
  formAction: (form: FormData) => void;
  scope: UsersScope;
  pageHref: string;
}) {
  if (state.status !== "confirm" || !state.confirm || state.userId === undefined) return null;
  const { name, email } = state.confirm;
  return (
    <div
      id="users-result"
      className="mb-6 space-y-4 border-4 border-govuk-red p-4"
      role="alert"
      aria-labelledby="confirm-deactivate-title"
      tabIndex={-1}
    >
      <h2 id="confirm-deactivate-title" className="text-2xl font-bold wrap-anywhere">
        Deactivate {name} ({email})?
      </h2>
      <p>
        They will be signed out on their next click and will not be able to sign in until the account is reactivated.
        Their changes stay in the history.
      </p>
      <div className="flex flex-wrap items-center gap-6">
        <form action={formAction}>
          <ScopeField scope={scope} />
          <input type="hidden" name="intent" value="deactivate" />
          <input type="hidden" name="userId" value={state.userId} />
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" className={`${buttonClass.warning} wrap-anywhere`}>
            Yes, deactivate {email}
          </button>
        </form>
        <a href={pageHref}>No, keep the account active</a>
      </div>
    </div>
  );
}

/** On a council's page, every form names the council: the server checks the user may manage its accounts. */
function ScopeField({ scope }: { scope: UsersScope }) {
  return scope.kind === "council" ? <input type="hidden" name="council" value={scope.council.slug} /> : null;
}

function FieldErrorText({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="font-bold text-govuk-red">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

function UserActions({
  user,
  isSelf,
  state,
  formAction,
  scope,
}: {
  user: UserRow;
  isSelf: boolean;
  state: UsersActionState;
  formAction: (form: FormData) => void;
  scope: UsersScope;
}) {
  const rowErrors = state.status === "error" && state.userId === user.id ? state.errors : [];
  const roleError = state.intent === "role" ? rowErrors.map((e) => e.message).join(". ") : undefined;
  const otherError = state.intent !== "role" ? rowErrors.map((e) => e.message).join(". ") : undefined;
  if (isSelf) {
    return (
      <p className="text-govuk-secondary">
        {scope.kind === "national"
          ? "This is your account. Another administrator must change its role or deactivate it."
          : "This is your account. A DfE administrator can change it."}
      </p>
    );
  }
  if (!user.manageable) {
    return <p className="text-govuk-secondary">Only a DfE administrator can change this account.</p>;
  }
  const national = scope.kind === "national";
  // A council account keeps a council role (the database ties it to its council); DfE staff keep a DfE role.
  const roleChoices = isCouncilRole(user.role) ? COUNCIL_ROLES : DFE_ROLES;
  return (
    <div className={`space-y-3 ${rowErrors.length ? "border-l-4 border-govuk-red pl-3" : ""}`}>
      {national && (
        <form action={formAction} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="role" />
          <input type="hidden" name="userId" value={user.id} />
          <div>
            <label htmlFor={`role-${user.id}`} className="block font-bold">
              Role<span className="sr-only"> of {user.email}</span>
            </label>
            <FieldErrorText id={`role-${user.id}-error`} message={roleError || undefined} />
            <select
              id={`role-${user.id}`}
              name="role"
              defaultValue={user.role}
              aria-describedby={roleError ? `role-${user.id}-error` : undefined}
              aria-invalid={roleError ? true : undefined}
              className={selectClass(roleError || undefined)}
            >
              {roleChoices.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass.secondary}>
            Change role<span className="sr-only"> of {user.email}</span>
          </button>
        </form>
      )}
      <FieldErrorText id={`user-${user.id}-error`} message={otherError || undefined} />
      <div className="flex flex-wrap gap-2">
        {national && user.active && (
          <form action={formAction}>
            <input type="hidden" name="intent" value="sign-out" />
            <input type="hidden" name="userId" value={user.id} />
            <button type="submit" className={buttonClass.secondary}>
              Sign out everywhere<span className="sr-only"> {user.email}</span>
            </button>
          </form>
        )}
        {user.active && (
          <form action={formAction}>
            <ScopeField scope={scope} />
            <input type="hidden" name="intent" value="reset" />
            <input type="hidden" name="userId" value={user.id} />
            <button type="submit" className={buttonClass.secondary}>
              Reset password<span className="sr-only"> of {user.email}</span>
            </button>
          </form>
        )}
        {user.signInLock && (
          <form action={formAction}>
            <ScopeField scope={scope} />
            <input type="hidden" name="intent" value="unlock" />
            <input type="hidden" name="userId" value={user.id} />
            <button type="submit" className={buttonClass.secondary}>
              Lift sign-in lock<span className="sr-only"> of {user.email}</span>
            </button>
          </form>
        )}
        <form action={formAction}>
          <ScopeField scope={scope} />
          <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className={user.active ? buttonClass.warning : buttonClass.secondary}>
            {user.active ? "Deactivate" : "Reactivate"}
            <span className="sr-only"> {user.email}</span>
          </button>
        </form>
      </div>
    </div>
  );
}

export function UsersAdmin({
  users,
  currentUserId,
  signInUrl,
  scope,
  action = manageUsers,
  pageHref = "/staff/users",
}: {
  users: UserRow[];
  currentUserId: number;
  signInUrl: string;
  scope: UsersScope;
  action?: (previous: UsersActionState, form: FormData) => Promise<UsersActionState>;
  pageHref?: string;
}) {
  const [state, formAction, pending] = useActionState(action, USERS_IDLE);
  const inviteRoles = scope.kind === "council" ? scope.inviteRoles : ROLES;
  const defaultRole = scope.kind === "council" ? inviteRoles[0] : "editor";
  const titleRef = useRef<string | null>(null);

  // Take keyboard and screen reader users to the result: the button they pressed may have gone (Deactivate
  // becomes Reactivate). GOV.UK also starts the page title with "Error: " while there is a problem.
  useEffect(() => {
    titleRef.current ??= document.title.replace(/^Error: /, "");
    document.title = state.errors.length ? `Error: ${titleRef.current}` : titleRef.current;
    if (state.status !== "idle") document.getElementById("users-result")?.focus();
  }, [state]);

  const inviteErrors = state.intent === "invite" && state.status === "error" ? state.errors : [];
  const inviteError = (field: string) => inviteErrors.find((e) => e.field === field)?.message;
  const inviteValues = state.intent === "invite" && state.status === "error" ? state.values : undefined;
  const roleError = inviteError("role");

  return (
    <div className="space-y-10">
      <div aria-live="polite" className="sr-only">
        {pending ? "Saving" : ""}
      </div>
      <ErrorSummary
        id="users-result"
        errors={state.errors.map((e) => ({
          href:
            state.intent === "invite" && e.field === "role"
              ? `#invite-role-${inviteRoles[0]}`
              : `#${usersFieldId(state, e.field)}`,
          message: e.message,
        }))}
      />
      <SuccessBanner state={state} signInUrl={signInUrl} />
      <ConfirmDeactivation state={state} formAction={formAction} scope={scope} pageHref={pageHref} />

      <section aria-labelledby="users-heading" className="space-y-4">
        <h2 id="users-heading" className="text-2xl font-bold" tabIndex={-1}>
          {scope.kind === "council" ? `${scope.council.name} accounts` : "Staff accounts"}
        </h2>
        <p className="max-w-3xl">
          Deactivating an account stops it working on the person&apos;s next click; its changes stay in the history.
          Resetting a password gives the account a new one-time password and the old one stops working.
        </p>
        <Table caption={scope.kind === "council" ? `${scope.council.name} accounts` : "Staff accounts"} stackOnPhone>
          <thead>
            <tr>
              <th scope="col" className={th}>
                Name and email
              </th>
              <th scope="col" className={th}>
                Role
              </th>
              <th scope="col" className={th}>
                Status
              </th>
              <th scope="col" className={th}>
                Last signed in
              </th>
              <th scope="col" className={th}>
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row" id={`user-${user.id}`} tabIndex={-1} className={`${td} text-left font-normal`}>
                  <span className="block font-bold">{user.name}</span>
                  <span className="block break-all">{user.email}</span>
                </th>
                <td className={td} data-label="Role">
                  {ROLE_LABELS[user.role]}
                  {user.council && scope.kind === "national" && (
                    <span className="block text-base text-govuk-secondary">{user.council}</span>
                  )}
                </td>
                <td className={`${td} space-y-1`} data-label="Status">
                  {user.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>}
                  {!user.active && user.deactivatedOn && (
                    <span className="block text-base text-govuk-secondary">since {user.deactivatedOn}</span>
                  )}
                  {user.active && user.mustChangePassword && (
                    <span className="block text-base text-govuk-secondary">Has a one-time password</span>
                  )}
                  {user.signInLock && (
                    <span className="block">
                      <Tag colour="red">Sign-in locked</Tag>
                      <span className="block text-base text-govuk-secondary">
                        {user.signInLock.failures} failed attempts from computers not used by this account before, in
                        the last 15 minutes; unlocks by itself at {user.signInLock.until} if nothing more is tried.
                        {user.manageable && user.id !== currentUserId
                          ? " Lift the lock only if you know the attempts were theirs or they have confirmed it is them."
                          : ""}
                      </span>
                    </span>
                  )}
                </td>
                <td className={td} data-label="Last signed in">
                  {user.lastSignIn ?? "Never"}
                </td>
                <td className={td}>
                  <UserActions
                    user={user}
                    isSelf={user.id === currentUserId}
                    state={state}
                    formAction={formAction}
                    scope={scope}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="invite-heading" className="max-w-2xl space-y-6">
        <h2 id="invite-heading" className="text-2xl font-bold" tabIndex={-1}>
          {scope.kind === "council" && inviteRoles.length === 1
            ? `Invite a ${ROLE_LABELS[inviteRoles[0]!].toLowerCase()}`
            : "Invite a user"}
        </h2>
        <p>
          This creates their account with a one-time password, shown to you once on this page. Send it to them securely.
          They choose their own password when they first sign in.
        </p>
        <form action={formAction} className="space-y-6" noValidate>
          <ScopeField scope={scope} />
          <input type="hidden" name="intent" value="invite" />
          <InviteField
            name="email"
            label="Email address"
            type="email"
            autoComplete="off"
            error={inviteError("email")}
            defaultValue={inviteValues?.email}
            hint="Their work email address. They sign in with it."
          />
          <InviteField
            name="name"
            label="Full name"
            autoComplete="off"
            error={inviteError("name")}
            defaultValue={inviteValues?.name}
          />
          {inviteRoles.length === 1 ? (
            <p>
              <input type="hidden" name="role" value={inviteRoles[0]} />
              They will be a {ROLE_LABELS[inviteRoles[0]!].toLowerCase()}: they {ROLE_HINTS[inviteRoles[0]!]}.
            </p>
          ) : (
            <fieldset
              id="invite-role"
              aria-describedby={["invite-role-hint", roleError ? "invite-role-error" : null].filter(Boolean).join(" ")}
              className={roleError ? "border-l-4 border-govuk-red pl-3" : ""}
            >
              <legend className="font-bold">Role</legend>
              <p id="invite-role-hint" className="text-govuk-secondary">
                {scope.kind === "national"
                  ? "Give the administrator role only to people who manage staff accounts. A council editor or council lead belongs to the council you choose below."
                  : "A council lead can also invite and manage this council's editors."}
              </p>
              <FieldErrorText id="invite-role-error" message={roleError} />
              <div className="mt-2 space-y-2">
                {inviteRoles.map((r) => (
                  <div key={r} className="flex items-start gap-2">
                    <input
                      id={`invite-role-${r}`}
                      type="radio"
                      name="role"
                      value={r}
                      defaultChecked={(inviteValues?.role ?? defaultRole) === r}
                      className="mt-1 h-6 w-6 shrink-0"
                    />
                    <label htmlFor={`invite-role-${r}`}>
                      <span className="font-bold">{ROLE_LABELS[r]}</span>: {ROLE_HINTS[r]}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
          {scope.kind === "national" && (
            <CouncilSelect councils={scope.councils} error={inviteError("council")} value={inviteValues?.council} />
          )}
          <SubmitButton>{pending ? "Working…" : "Invite user"}</SubmitButton>
        </form>
      </section>
    </div>
  );
}

function InviteField({
  name,
  label,
  hint,
  error,
  defaultValue,
  type = "text",
  autoComplete,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  type?: string;
  autoComplete?: string;
}) {
  // Ids are prefixed so they cannot clash with anything in the table above.
  const id = `invite-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${error ? "border-l-4 border-govuk-red pl-3" : ""}`}>
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-govuk-secondary">
          {hint}
        </p>
      )}
      <FieldErrorText id={`${id}-error`} message={error} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`mt-1 block w-full border-2 bg-white p-1.5 ${error ? "border-govuk-red" : "border-govuk-text"}`}
      />
    </div>
  );
}

/** The council of a new council account (ignored for DfE roles): every English council with children's services. */
function CouncilSelect({
  councils,
  error,
  value,
}: {
  councils: Array<{ slug: string; name: string }>;
  error?: string;
  value?: string;
}) {
  const describedBy = ["invite-council-hint", error ? "invite-council-error" : null].filter(Boolean).join(" ");
  return (
    <div className={`space-y-1 ${error ? "border-l-4 border-govuk-red pl-3" : ""}`}>
      <label htmlFor="invite-council" className="block font-bold">
        Council
      </label>
      <p id="invite-council-hint" className="text-govuk-secondary">
        For a council editor or council lead only: the one council whose local actions they update.
      </p>
      <FieldErrorText id="invite-council-error" message={error} />
      <select
        id="invite-council"
        name="council"
        defaultValue={value ?? ""}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={selectClass(error)}
      >
        <option value="">Not a council account</option>
        {councils.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
