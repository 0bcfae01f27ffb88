import Link from "next/link";
import { MainMenu } from "@/components/site/main-menu";
import { SearchBox } from "@/components/site/search-box";

/**
 * The black header on every page. Other parts of the header (a search box, a staff bar) are their own components,
 * added here one line each.
 */
export function SiteHeader() {
  return (
    <header className="border-b-[10px] border-govuk-blue bg-black text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-4 px-4 py-3">
        <Link href="/" prefetch={false} className="text-2xl font-bold text-white! no-underline visited:text-white">
          Reform Tracker
        </Link>
        {/* Not on a phone, where the first screen is for the page. */}
        <span className="hidden text-base sm:inline">Children&apos;s social care reform in England</span>
        <SearchBox />
      </div>
      <MainMenu />
    </header>
  );
}
