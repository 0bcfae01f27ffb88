import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MILESTONE_STATUS_SERIES, RESPONSE_CLASS_SERIES } from "@/components/charts/series";
import { CHART_COLOURS, GOVUK_COLOURS } from "@/lib/palette";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GLOBALS = path.join(ROOT, "app/globals.css");
const css = readFileSync(GLOBALS, "utf8");
const themeBlock = /@theme\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
const tokens = new Map(
  [...themeBlock.matchAll(/--(color-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim().toLowerCase()]),
);
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// A colour literal: #rgb, #rrggbb or #rrggbbaa, not part of a longer word (ids such as "#main-content" are not colours).
const COLOUR_LITERAL = /#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9a-zA-Z_-])/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(tsx?|css)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
}

describe("the TypeScript palette", () => {
  it("finds the theme in app/globals.css", () => {
    expect(tokens.get("color-govuk-text")).toBe("#0b0c0c");
  });

  it.each(Object.entries(GOVUK_COLOURS))("GOVUK_COLOURS.%s equals --color-govuk-* in the theme", (name, value) => {
    expect(tokens.get(`color-govuk-${kebab(name)}`)).toBe(value);
  });

  it.each(Object.entries(CHART_COLOURS))("CHART_COLOURS.%s equals --color-chart-* in the theme", (hue, value) => {
    expect(tokens.get(`color-chart-${hue}`)).toBe(value);
  });
});

describe("colours have one home", () => {
  it("app/, components/ and lib/ write no colour literal outside the theme and the palette", () => {
    const found: string[] = [];
    for (const file of ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
      if (file === path.join(ROOT, "lib/palette.ts")) continue;
      let text = readFileSync(file, "utf8");
      if (file === GLOBALS) text = text.replace(/@theme\s*\{[^}]*\}/, "");
      for (const line of text.split("\n"))
        for (const m of line.matchAll(COLOUR_LITERAL)) found.push(`${path.relative(ROOT, file)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});

describe("chart series", () => {
  // Pinned by status: reordering MILESTONE_STATUSES or RESPONSE_CLASSES must not recolour any of them.
  it("give each milestone status its own colour, the hue of its tag", () => {
    expect(Object.fromEntries(MILESTONE_STATUS_SERIES.map((s) => [s.key, [s.colour, s.pattern]]))).toEqual({
      not_yet_assessed: [CHART_COLOURS.grey, "solid"],
      not_started: [CHART_COLOURS.purple, "stripes"],
      on_track: [CHART_COLOURS.green, "dots"],
      at_risk: [CHART_COLOURS.yellow, "crosshatch"],
      delayed: [CHART_COLOURS.red, "vertical"],
      complete: [CHART_COLOURS.blue, "checks"],
      superseded: [CHART_COLOURS.orange, "diagonal-reverse"],
    });
  });

  it("give each response class its own colour, the hue of its tag", () => {
    expect(Object.fromEntries(RESPONSE_CLASS_SERIES.map((s) => [s.key, [s.colour, s.pattern]]))).toEqual({
      accepted: [CHART_COLOURS.green, "solid"],
      accepted_in_principle: [CHART_COLOURS.turquoise, "stripes"],
      testing: [CHART_COLOURS.blue, "dots"],
      consulting: [CHART_COLOURS.yellow, "crosshatch"],
      not_accepted: [CHART_COLOURS.red, "vertical"],
    });
  });
});
