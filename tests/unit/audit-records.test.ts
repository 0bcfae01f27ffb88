import { describe, expect, it } from "vitest";
import { describeChanges } from "@/lib/audit/describe";
import { sameState, shapeProblem, upgradeState, type MilestoneState } from "@/lib/audit/records";
import { PREVIOUS_RELEASE_SHAPES } from "@/tests/support/previous-release-audit-shapes";

describe("upgradeState", () => {
  it("reads every shape the previous release wrote as a full state, filling in only what it left out", () => {
    expect(upgradeState("milestone", PREVIOUS_RELEASE_SHAPES.seededMilestoneCreate)).toEqual({
      status: "not_yet_assessed",
      forecastDate: null,
      actualDate: null,
      commentary: null,
      evidence: [],
      version: 1,
    });
    expect(upgradeState("milestone", PREVIOUS_RELEASE_SHAPES.staffMilestoneCreate)).toEqual({
      status: "not_yet_assessed",
      forecastDate: null,
      actualDate: null,
      commentary: null,
      evidence: [],
      version: 1,
    });
    expect(upgradeState("milestone", PREVIOUS_RELEASE_SHAPES.milestoneUpdate)).toEqual(
      PREVIOUS_RELEASE_SHAPES.milestoneUpdate,
    );
    expect(upgradeState("milestone", PREVIOUS_RELEASE_SHAPES.benchMilestoneUpdate)).toMatchObject({
      status: "on_track",
      evidence: [],
      version: 1,
    });
    expect(upgradeState("milestone", null)).toMatchObject({ status: "not_yet_assessed", version: 1 });
    expect(upgradeState("recommendation", PREVIOUS_RELEASE_SHAPES.seededRecommendationCreate)).toEqual({
      responseClass: "accepted",
      responseRationale: "The response says it will.",
      version: 1,
    });
    expect(upgradeState("recommendation", PREVIOUS_RELEASE_SHAPES.reclassify)).toEqual(
      PREVIOUS_RELEASE_SHAPES.reclassify,
    );
  });

  it("refuses what no release ever wrote", () => {
    expect(() => upgradeState("milestone", { status: "finished" })).toThrow();
    expect(() => upgradeState("recommendation", PREVIOUS_RELEASE_SHAPES.benchRecommendationUpdate)).toThrow(); // no rationale to fall back on
  });
});

const fullState: MilestoneState = {
  status: "on_track",
  forecastDate: null,
  actualDate: null,
  commentary: "Going well",
  evidence: [],
  version: 2,
};
const actor = { id: 1, label: "editor@education.gov.uk" };

describe("shapeProblem", () => {
  it("accepts each declared kind of event in its full shape", () => {
    const events = [
      { entityType: "milestone", action: "update", before: { ...fullState, version: 1 }, after: fullState },
      {
        entityType: "milestone",
        action: "create",
        after: { ...fullState, version: 1, dueDate: "2026-03-31", title: "T", pillars: [1] },
      },
      { entityType: "recommendation", action: "create", after: { ...PREVIOUS_RELEASE_SHAPES.reclassify, version: 1 } },
      {
        entityType: "recommendation",
        action: "reclassify",
        before: { ...PREVIOUS_RELEASE_SHAPES.reclassify, version: 1 },
        after: PREVIOUS_RELEASE_SHAPES.reclassify,
      },
      {
        entityType: "user",
        action: "role_change",
        before: {
          email: "a@b.c",
          name: "A",
          role: "editor",
          active: true,
          mustChangePassword: false,
          deactivatedAt: null,
        },
        after: {
          email: "a@b.c",
          name: "A",
          role: "admin",
          active: true,
          mustChangePassword: false,
          deactivatedAt: null,
        },
      },
    ] as const;
    for (const event of events)
      expect(shapeProblem({ ...event, actor } as never), `${event.entityType} ${event.action}`).toBeNull();
  });

  it("names what is wrong with an event of another shape", () => {
    expect(
      shapeProblem({
        entityType: "milestone",
        action: "update",
        before: fullState,
        after: PREVIOUS_RELEASE_SHAPES.benchMilestoneUpdate,
      } as never),
    ).toMatch(/"after".*evidence/);
    expect(
      shapeProblem({
        entityType: "milestone",
        action: "update",
        before: fullState,
        after: { ...fullState, password: "x" },
      } as never),
    ).toMatch(/password|Unrecognized/i);
    expect(shapeProblem({ entityType: "milestone", action: "delete", after: fullState } as never)).toMatch(
      /no event "delete"/,
    );
    expect(
      shapeProblem({
        entityType: "milestone",
        action: "create",
        before: fullState,
        after: { ...fullState, dueDate: "2026-01-01" },
      } as never),
    ).toMatch(/has no "before"/);
    expect(
      shapeProblem({
        entityType: "milestone",
        action: "update",
        before: fullState,
        after: { ...fullState, forecastDate: "31/12/2026" },
      } as never),
    ).toMatch(/forecastDate/);
  });
});

describe("sameState and describeChanges", () => {
  it("compare everything but the version", () => {
    expect(sameState<MilestoneState>(fullState, { ...fullState, version: 9 } as never)).toBe(true);
    expect(sameState<MilestoneState>(fullState, { ...fullState, evidence: [{ title: "A", url: "https://a" }] })).toBe(
      false,
    );
  });

  it("say a change in words, whatever shape the event has", () => {
    expect(
      describeChanges(PREVIOUS_RELEASE_SHAPES.benchMilestoneUpdate, PREVIOUS_RELEASE_SHAPES.milestoneUpdate),
    ).toEqual([
      { field: "Status", before: "On track", after: "Delayed" },
      { field: "Forecast date", before: null, after: "2026-12-31" },
      { field: "Commentary", before: null, after: "Procurement took longer." },
      { field: "Evidence", before: null, after: "Board minutes (https://www.gov.uk/a)" },
    ]);
    expect(describeChanges({ ...fullState, commentary: "" }, { ...fullState, commentary: null, version: 3 })).toEqual(
      [],
    );
  });
});
