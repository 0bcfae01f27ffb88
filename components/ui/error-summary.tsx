export function ErrorSummary({ title = "There is a problem", errors }: { title?: string; errors: Array<{ href: string; message: string }> }) {
  if (errors.length === 0) return null;
  return (
    <div className="mb-6 border-4 border-govuk-red p-4" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      <ul className="space-y-1">
        {errors.map((e) => (
          <li key={e.href + e.message}>
            <a href={e.href} className="font-bold text-govuk-red! visited:text-govuk-red">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
