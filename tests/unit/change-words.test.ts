import { describe, expect, it } from "vitest";
import { describeChange, describeChangeWithReason, shortTitle, titleSentence } from "@/lib/scrutiny/change-words";
import { CHANGE_KINDS } from "@/lib/vocabulary";

describe("describeChange: a change in plain English, one wording for the page, the feed and the briefing", () => {
  it.each([
    [{ kind: "completed", from: "on_track", to: "2023-11-15" }, "Completed on 15 November 2023"],
    [{ kind: "completed", from: "on_track", to: null }, "Marked complete"],
    [{ kind: "at_risk_or_delayed", from: "on_track", to: "delayed" }, "Status changed from On track to Delayed"],
    [
      { kind: "at_risk_or_delayed", from: "not_yet_assessed", to: "at_risk" },
      "Status changed from Not yet assessed to At risk",
    ],
    [{ kind: "at_risk_or_delayed", from: null, to: "delayed" }, "Status set to Delayed"],
    [
      { kind: "slipped", from: "2024-12-31", to: "2026-12-31" },
      "Planned date moved later, from 31 December 2024 to 31 December 2026",
    ],
    [
      { kind: "brought_forward", from: "2024-06-30", to: "2024-05-31" },
      "Planned date brought forward, from 30 June 2024 to 31 May 2024",
    ],
    [
      { kind: "reclassified", from: "testing", to: "accepted" },
      "Response class changed from Testing first to Accepted",
    ],
    [
      { kind: "reclassified", from: "consulting", to: "consulting" },
      "Rationale reworded (still Consulting or considering)",
    ],
    [{ kind: "reclassified", from: null, to: "not_accepted" }, "Response class set to Not accepted"],
    [{ kind: "added", from: null, to: "2024-12-31" }, "Added, due 31 December 2024"],
    [{ kind: "added", from: null, to: null }, "Added"],
    [{ kind: "other", from: null, to: null }, "Commentary, evidence or status updated"],
  ] as const)("%j reads %j", (change, words) => {
    expect(describeChange(change)).toBe(words);
  });

  it("has words for every kind of change, never a stored code or an ISO date", () => {
    // One realistic change of each kind, as lib/scrutiny/changes.server.ts classifies them.
    const examples: Record<(typeof CHANGE_KINDS)[number], { from: string | null; to: string | null }> = {
      completed: { from: "on_track", to: "2025-03-31" },
      at_risk_or_delayed: { from: "not_started", to: "at_risk" },
      slipped: { from: "2024-03-31", to: "2025-03-31" },
      brought_forward: { from: "2025-03-31", to: "2024-03-31" },
      reclassified: { from: "accepted_in_principle", to: "not_accepted" },
      added: { from: null, to: "2025-03-31" },
      other: { from: null, to: null },
    };
    for (const kind of CHANGE_KINDS) {
      const words = describeChange({ kind, ...examples[kind] });
      expect(words).toMatch(/^[A-Z]/);
      expect(words).not.toMatch(/_|\d{4}-\d{2}-\d{2}/);
    }
  });

  it("shows a code the vocabulary no longer has as stored, rather than nothing", () => {
    expect(describeChange({ kind: "at_risk_or_delayed", from: "paused", to: "delayed" })).toBe(
      "Status changed from paused to Delayed",
    );
  });
});

describe("describeChangeWithReason", () => {
  it("adds the reason as a sentence of its own", () => {
    expect(
      describeChangeWithReason({
        kind: "slipped",
        from: "2024-03-31",
        to: "2025-03-31",
        reason: "The supplier withdrew from the contract",
      }),
    ).toBe(
      "Planned date moved later, from 31 March 2024 to 31 March 2025. Reason: The supplier withdrew from the contract",
    );
  });

  it("is one sentence when no reason was given", () => {
    expect(describeChangeWithReason({ kind: "completed", from: "on_track", to: "2023-11-15", reason: null })).toBe(
      "Completed on 15 November 2023.",
    );
  });
});

describe("titleSentence", () => {
  it("takes the first line and ends it with one full stop", () => {
    expect(titleSentence("Award funding")).toBe("Award funding.");
    expect(titleSentence("Family Help should be delivered locally.\n\nMore detail")).toBe(
      "Family Help should be delivered locally.",
    );
  });
});

describe("shortTitle", () => {
  it("keeps a short title whole and cuts a recommendation to its first sentence, at a word boundary", () => {
    expect(shortTitle("National Kinship Care Strategy")).toBe("National Kinship Care Strategy");
    expect(shortTitle("First line\nSecond line")).toBe("First line");
    expect(shortTitle("Local authorities should do this. And then that.")).toBe("Local authorities should do this.");
    const long = shortTitle(`The government should ${"act on the market, ".repeat(10)}now.`);
    expect(long.length).toBeLessThanOrEqual(90);
    expect(long.endsWith("…")).toBe(true);
    expect(long).not.toMatch(/[,;:]…$/);
  });
});
