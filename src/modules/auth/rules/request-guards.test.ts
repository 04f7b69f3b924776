import { describe, expect, it } from "vitest";
import { isAllowedMethod, isForeignOrigin, isUndecodablePath } from "./request-guards";
import { isWellFormedCallbackUrl } from "./callback-url";

describe("request guards", () => {
  it.each([
    ["GET", true],
    ["post", true],
    ["DELETE", true],
    ["TRACE", false],
    ["TRACK", false],
    ["CONNECT", false],
  ])("method %s allowed: %s", (method, allowed) => {
    expect(isAllowedMethod(method)).toBe(allowed);
  });

  it.each([
    ["/insatser/%zz", true],
    ["/api/v1/patients/%E0", true],
    ["/api/v1/patients/%", true],
    ["/insatser/%C3%A5", false],
    ["/konsultlista", false],
  ])("%s undecodable: %s", (path, bad) => {
    expect(isUndecodablePath(path)).toBe(bad);
  });

  it.each([
    [null, false],
    ["http://localhost:3000", false],
    ["http://LOCALHOST:3000", false],
    ["https://samvard.example.se", false],
    ["https://evil.example", true],
    ["http://localhost:3001", true],
    ["null", true],
  ])("Origin %s foreign: %s", (origin, foreign) => {
    expect(isForeignOrigin(origin, ["localhost:3000", "samvard.example.se", null])).toBe(foreign);
  });

  it.each([
    ["/", true],
    ["/insatser/x?asOf=2026-01-01", true],
    ["http://localhost:3000/x", true],
    ["https://evil.example/", true],
    ["//evil.example", false],
    ["/\\evil", false],
    ["http://[", false],
    ["javascript:alert(1)", false],
    ["patienter", false],
    ["/x\ny", false],
  ])("callbackUrl %s well-formed: %s", (raw, ok) => {
    expect(isWellFormedCallbackUrl(raw)).toBe(ok);
  });
});
