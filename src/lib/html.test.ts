import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { html, rawHtml } from "./html";

describe("html", () => {
  it("escapes every interpolated text, in text and in attributes", () => {
    const name = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it("keeps nested templates, joins arrays, and renders nothing for null, undefined and false", () => {
    const items = ["a", "<b>"].map((t) => html`<li>${t}</li>`);
    // Prettier formats html`` templates: compare without the whitespace it adds.
    const out = html`<ul>
        ${items}
      </ul>
      ${null}${undefined}${false}${0}`.value;
    expect(out.replace(/\s+/g, "")).toBe("<ul><li>a</li><li>&lt;b&gt;</li></ul>0");
  });

  it("never lets a text make a tag or end an attribute", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = html`${text}`.value;
        expect(escaped).not.toMatch(/[<>"']/);
        // And nothing is lost: unescaping gives the text back.
        const back = escaped.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) =>
          e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "#39" ? "'" : "&",
        );
        expect(back).toBe(text);
      }),
    );
  });

  it("keeps trusted markup as it is, and a template reads as its markup in a string", () => {
    const trusted = rawHtml("<i>a&b</i>");
    expect(html`<p>${trusted}</p>`.value.replace(/\s+/g, "")).toBe("<p><i>a&b</i></p>");
    expect(`${html`<b>${"&"}</b>`}`).toBe("<b>&amp;</b>");
  });
});
