import type { SiteSettings } from "@/lib/site-settings.server";

/**
 * How to reach whoever runs this copy of the tracker: their email when the operator has set one
 * (REFORM_TRACKER_CONTACT_EMAIL), otherwise an honest sentence that none has been published.
 */
export function OperatorContact({ settings, topic }: { settings: SiteSettings; topic: string }) {
  if (settings.contactEmail) {
    return (
      <p>
        Email <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a> about {topic}
        {settings.operator ? `. ${settings.operator} runs this copy of the tracker.` : "."}
      </p>
    );
  }
  return (
    <p>
      {settings.operator
        ? `${settings.operator}, which runs this copy of the tracker,`
        : "Whoever runs this copy of the tracker"}{" "}
      has not published a contact address on this site.
    </p>
  );
}
