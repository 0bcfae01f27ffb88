// Texts from the strategy keep their paragraphs (separated by a blank line) and bullet lists ("• item" lines).
export function SourceText({ text, className = "" }: { text: string; className?: string }) {
  const blocks = text.split(/\n\n+/);
  return (
    <div className={`space-y-3 ${className}`}>
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        if (lines.every((l) => l.startsWith("• "))) {
          return (
            <ul key={i} className="list-disc space-y-1 pl-6">
              {lines.map((l, j) => (
                <li key={j}>{l.slice(2)}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{block}</p>;
      })}
    </div>
  );
}

/** The first paragraph, cut at a word boundary: for lists. */
export function excerpt(text: string, max = 280): string {
  const first = text.split(/\n\n+/)[0] ?? text;
  if (first.length <= max) return first;
  return `${first.slice(0, first.lastIndexOf(" ", max))}…`;
}
