import { describe, expect, it } from "vitest";
import { LESS_THAN, MATCH_START, MATCH_STOP, snippetText, toSnippetParts } from "@/lib/reform/snippets";

describe("search snippets", () => {
  it("splits the database's marks into plain and matching parts", () => {
    expect(
      toSnippetParts(`National ${MATCH_START}Kinship${MATCH_STOP} Care ${MATCH_START}Strategy${MATCH_STOP}`),
    ).toEqual([
      { text: "National ", match: false },
      { text: "Kinship", match: true },
      { text: " Care ", match: false },
      { text: "Strategy", match: true },
    ]);
  });

  it("joins neighbouring matches, and gives back the '<' hidden from ts_headline", () => {
    const parts = toSnippetParts(
      `${MATCH_START}kinship${MATCH_STOP}${MATCH_START}carers${MATCH_STOP} ${LESS_THAN}script>x${LESS_THAN}/script>`,
    );
    expect(parts).toEqual([
      { text: "kinshipcarers", match: true },
      { text: " <script>x</script>", match: false },
    ]);
    expect(snippetText(parts)).toBe("kinshipcarers <script>x</script>");
  });

  it("has no empty parts, whatever the marks", () => {
    expect(toSnippetParts("")).toEqual([]);
    expect(toSnippetParts(`${MATCH_START}${MATCH_STOP}${MATCH_STOP}a${MATCH_START}`)).toEqual([
      { text: "a", match: false },
    ]);
  });
});
