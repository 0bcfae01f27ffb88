import type { SnippetPart } from "@/lib/reform/snippets";

/**
 * Text with the search's matching words in <mark>. Each part is rendered as text, so stored markup stays characters
 * on the screen. Bold as well as the background: the match does not rely on colour alone.
 */
export function HighlightedText({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="bg-govuk-tag-yellow font-bold text-govuk-text">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
