import { embedCodeFor, iframeHtml, oembedUrl, resizeScriptHtml } from "@/lib/embed/code";
import { embedPath, type EmbedTarget } from "@/lib/embed/targets";
import { publicOrigin } from "@/lib/http/site";

const codeBox = "block w-full border-2 border-govuk-text p-2 font-mono text-base";

/**
 * "Embed this": the code a council or charity copies to show this page's widget (app/embed) on its own website, in a
 * GOV.UK details element. Shown on today's view only: a widget always shows today. The page reads the widget
 * (readWidget, null when there is none) with its other data, so this stays a plain component.
 */
export function EmbedThis({
  target,
  what,
  widget,
}: {
  target: EmbedTarget;
  what: string;
  widget: { title: string } | null;
}) {
  if (!widget) return null;
  const origin = publicOrigin();
  const code = embedCodeFor(target, widget.title, origin);
  const id = `embed-${target.kind}`;
  return (
    <details className="max-w-3xl border-l-4 border-govuk-border pl-4">
      <summary className="cursor-pointer text-govuk-link underline">Embed this on your website</summary>
      <div className="mt-3 space-y-3">
        <p>
          Show {what} on your own website. The widget updates itself when the tracker does, and links back to this page
          (in a new tab). <a href={embedPath(target)}>See the widget on its own</a>.
        </p>
        <div className="space-y-1">
          <label htmlFor={`${id}-code`} className="block font-bold">
            Code for the widget
          </label>
          <textarea id={`${id}-code`} readOnly rows={4} className={codeBox} value={iframeHtml(code)} />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-script`} className="block font-bold">
            Optional: code to fit its height
          </label>
          <p id={`${id}-script-hint`} className="text-govuk-secondary">
            The frame starts {code.height} pixels tall. Add this once on your page, after the widgets, and each widget
            frame takes the height of its content. It only reads messages from this site&apos;s widgets.
          </p>
          <textarea
            id={`${id}-script`}
            readOnly
            rows={2}
            className={codeBox}
            aria-describedby={`${id}-script-hint`}
            value={resizeScriptHtml(origin)}
          />
        </div>
        <p>
          Sites that use oEmbed can ask for the widget at <code className="break-all">{oembedUrl(target, origin)}</code>
          .
        </p>
      </div>
    </details>
  );
}
