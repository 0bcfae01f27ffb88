import { SEARCH_WORDS_MAX } from "@/lib/validations/public-filters";

/**
 * The header's search: a plain GET form to /search, so it works without JavaScript and the results have an address
 * that can be shared. The label is read by screen readers; the button says what the field is for to everyone else.
 */
export function SearchBox() {
  return (
    <form action="/search" method="get" role="search" aria-label="Site" className="flex w-full max-w-sm sm:w-auto">
      <label htmlFor="site-search" className="sr-only">
        Search the tracker
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        maxLength={SEARCH_WORDS_MAX}
        className="min-w-0 flex-1 border-2 border-r-0 border-white bg-white px-2 py-1 text-base text-govuk-text"
      />
      <button
        type="submit"
        className="border-2 border-white bg-govuk-blue px-3 py-1 text-base font-bold text-white hover:bg-black"
      >
        Search
      </button>
    </form>
  );
}
