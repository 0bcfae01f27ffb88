"use client";

// Errors a user cannot cause: a calm, generic page. The details are in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-4xl font-bold">Sorry, there is a problem with the service</h1>
      <p>Try again later.</p>
      <p>
        <button type="button" onClick={reset} className="underline text-govuk-link">
          Try again
        </button>
      </p>
    </div>
  );
}
