import Link from "next/link";

export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages of results" className="mt-6 flex flex-wrap items-center gap-4">
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev">
          Previous<span className="sr-only"> page</span>
        </Link>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && (
        <Link href={hrefFor(page + 1)} rel="next">
          Next<span className="sr-only"> page</span>
        </Link>
      )}
    </nav>
  );
}
