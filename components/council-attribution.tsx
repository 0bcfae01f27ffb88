import { COUNCILS_ATTRIBUTION } from "@/lib/seed/councils";

/** The source and licence of the council list, shown wherever it is used (CC BY 4.0 asks for it). */
export function CouncilAttribution() {
  return (
    <p className="max-w-3xl text-base text-govuk-secondary">
      {COUNCILS_ATTRIBUTION.text} <a href={COUNCILS_ATTRIBUTION.sourceUrl}>Source data</a>,{" "}
      <a href={COUNCILS_ATTRIBUTION.licenceUrl} rel="license">
        licence
      </a>
      .
    </p>
  );
}
