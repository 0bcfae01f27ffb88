import { describe, expect, it } from "vitest";
import { embedCodeFor, iframeHtml, oembedUrl, resizeScriptHtml } from "@/lib/embed/code";
import { html } from "@/lib/embed/html";
import { embedTargetOf, embedTargetOfPath } from "@/lib/embed/targets";
import { contentSecurityPolicy, mayBeFramed, securityHeadersFor } from "@/lib/http/security-headers";
import { parseOembedParams } from "@/lib/validations/oembed";

// The widgets' parts that need no database: the HTML writer, what an address can embed, the code to copy, the
// oEmbed parameters and which paths may be framed. The widgets themselves are tested in tests/e2e/embed.spec.ts.

describe("the widgets' HTML writer", () => {
  it("escapes every value, in text and in attributes, and keeps only its own markup", () => {
    const text = `<script>alert("x")</script> & 'quotes'`;
    // prettier-ignore
    const out = html`<p title="${text}">${text}</p>${[html`<b>${"<i>"}</b>`, 3, null, false]}`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">' +
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p><b>&lt;i&gt;</b>3",
    );
  });
});

describe("embed targets", () => {
  it("knows a pillar, an outcome, a milestone and a council by the shape of their address", () => {
    expect(embedTargetOf("pillars", "3")).toEqual({ kind: "pillars", id: "3" });
    expect(embedTargetOf("outcomes", "6")).toEqual({ kind: "outcomes", id: "6" });
    expect(embedTargetOf("milestones", "m-01")).toEqual({ kind: "milestones", id: "M-01" });
    expect(embedTargetOf("councils", "thurrock")).toEqual({ kind: "councils", id: "thurrock" });
    for (const [kind, id] of [
      ["pillars", "7"],
      ["pillars", "01"],
      ["outcomes", "0"],
      ["milestones", "M 01"],
      ["milestones", "%FF"],
      ["councils", "Thurrock"],
      ["councils", "../staff"],
      ["recommendations", "CR-01"],
      ["__proto__", "1"],
    ])
      expect(embedTargetOf(kind!, id!), `${kind}/${id}`).toBeNull();
  });

  it("reads a widget's address and its full page's alike, and nothing else", () => {
    expect(embedTargetOfPath("/embed/pillars/2")).toEqual({ kind: "pillars", id: "2" });
    expect(embedTargetOfPath("/pillars/2")).toEqual({ kind: "pillars", id: "2" });
    expect(embedTargetOfPath("/councils/essex/")).toEqual({ kind: "councils", id: "essex" });
    for (const path of [
      "/",
      "/about",
      "/embed/pillars",
      "/pillars/2/feed.xml",
      "/staff/pillars/2",
      "/embed/embed/pillars/2",
    ])
      expect(embedTargetOfPath(path), path).toBeNull();
  });
});

describe("the code to copy", () => {
  it("is an iframe of the widget at the public address, within maxwidth and maxheight, with the text escaped", () => {
    const target = { kind: "pillars", id: "1" } as const;
    const code = embedCodeFor(target, `Pillar 1: "Family help" <b>`, "https://tracker.example", { width: 300 });
    expect(code).toEqual({
      src: "https://tracker.example/embed/pillars/1",
      title: `Reform Tracker: Pillar 1: "Family help" <b>`,
      width: 300,
      height: 420,
    });
    expect(iframeHtml(code)).toBe(
      '<iframe src="https://tracker.example/embed/pillars/1" title="Reform Tracker: Pillar 1: &quot;Family help&quot; &lt;b&gt;" width="300" height="420" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
    expect(embedCodeFor(target, "t", "https://tracker.example", { width: 9_999, height: 100 })).toMatchObject({
      width: 480,
      height: 100,
    });
    expect(resizeScriptHtml("https://tracker.example")).toBe(
      '<script src="https://tracker.example/embed-resize.js" async></script>',
    );
    expect(oembedUrl({ kind: "milestones", id: "M-01" }, "https://tracker.example")).toBe(
      "https://tracker.example/oembed?url=https%3A%2F%2Ftracker.example%2Fmilestones%2FM-01&format=json",
    );
  });
});

describe("oEmbed parameters", () => {
  const parse = (query: string) => parseOembedParams(new URLSearchParams(query));

  it("takes a url, json or xml, and whole numbers of pixels", () => {
    const parsed = parse("url=https%3A%2F%2Ftracker.example%2Fpillars%2F1&maxwidth=320&maxheight=200");
    expect(parsed.ok && parsed.params).toMatchObject({ format: "json", maxwidth: 320, maxheight: 200 });
    expect(parsed.ok && parsed.params.url.href).toBe("https://tracker.example/pillars/1");
    expect(parse("url=http://a.example/&format=xml").ok).toBe(true);
  });

  it("refuses each bad parameter with a message that names it", () => {
    for (const [query, parameter] of [
      ["", "url"],
      ["url=", "url"],
      ["url=pillars/1", "url"],
      ["url=javascript:alert(1)", "url"],
      ["url=ftp://tracker.example/pillars/1", "url"],
      ["url=http://a.example/&format=html", "format"],
      ["url=http://a.example/&maxwidth=abc", "maxwidth"],
      ["url=http://a.example/&maxwidth=0", "maxwidth"],
      ["url=http://a.example/&maxheight=-5", "maxheight"],
      ["url=http://a.example/&maxheight=1.5", "maxheight"],
      ["url=http://a.example/&maxheight=100000", "maxheight"],
      ["url=http://a.example/&callback=f", "callback"],
      ["url=http://a.example/&url=http://b.example/", "url"],
      ["url=http://a.example/&__proto__=1", "__proto__"],
    ]) {
      const parsed = parse(query!);
      expect(parsed.ok, query).toBe(false);
      if (!parsed.ok) {
        expect(
          parsed.errors.map((e) => e.parameter),
          query,
        ).toContain(parameter);
        expect(parsed.errors.find((e) => e.parameter === parameter)!.message, query).toContain(`"${parameter}"`);
      }
    }
  });
});

describe("framing", () => {
  it("lets only /embed/ be framed: frame-ancestors * and no X-Frame-Options there, 'none' and DENY elsewhere", () => {
    expect(mayBeFramed("/embed/pillars/1")).toBe(true);
    for (const path of [
      "/",
      "/embed",
      "/embedded/x",
      "/staff/embed/x",
      "/oembed",
      "/pillars/1",
      "/embed/../staff",
      "/embed/./x",
      "/embed/x/..",
      "/embed/..\\staff",
    ])
      expect(mayBeFramed(path), path).toBe(false);
    expect(securityHeadersFor("/embed/pillars/1")["X-Frame-Options"]).toBeUndefined();
    expect(securityHeadersFor("/embed/pillars/1")["X-Content-Type-Options"]).toBe("nosniff");
    expect(securityHeadersFor("/staff")["X-Frame-Options"]).toBe("DENY");
    expect(contentSecurityPolicy([], { framable: true })).toContain("frame-ancestors *");
    expect(contentSecurityPolicy([])).toContain("frame-ancestors 'none'");
  });
});
