// The theme's colours as strings, for what cannot read CSS: the charts (recharts draws SVG from props) and the
// briefing PDF (@react-pdf/renderer). The theme in app/globals.css is the source: each value here is the token
// named beside it there, and tests/unit/palette.test.ts fails if the two disagree. Everywhere else, use the
// Tailwind classes (text-govuk-text, border-govuk-red, ...), never a colour literal.

/** `--color-govuk-<name>` */
export const GOVUK_COLOURS = {
  text: "#0b0c0c",
  secondary: "#505a5f",
  link: "#1d70b8",
  border: "#b1b4b6",
} as const;

/** `--color-chart-<hue>`: one bar colour for each tag hue, so a status's bar and its tag share a hue. */
export const CHART_COLOURS = {
  grey: "#b1b4b6",
  green: "#85c2a4",
  turquoise: "#7fcbc3",
  blue: "#5694ca",
  yellow: "#ffdd00",
  orange: "#f3a070",
  red: "#f09b8f",
  purple: "#d4b8d1",
} as const;
