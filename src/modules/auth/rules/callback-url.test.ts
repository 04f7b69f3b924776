import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["/patienter?vecka=5", "/patienter?vecka=5"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["patienter", "/"],
    ["/login", "/"],
    ["/login?callbackUrl=/x", "/"],
    ["/api/health", "/"],
    ["/ok\nSet-Cookie:x", "/"],
  ])("%s → %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it("keeps the path of an absolute URL on our own origin only", () => {
    expect(safeCallbackUrl("http://localhost:3000/x?y=1", "http://localhost:3000")).toBe("/x?y=1");
    expect(safeCallbackUrl("http://localhost:3001/x", "http://localhost:3000")).toBe("/");
  });

  it("property: the result is always a same-site path", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath()), (raw) => {
        const out = safeCallbackUrl(raw, "http://localhost:3000");
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(out.includes("\\")).toBe(false);
      }),
    );
  });
});
