import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { authorize } from "./authorize";
import { AppError } from "./errors";

const actor = (role: string, unitIds = ["u1"]) => ({ role: role as Role, unitIds });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "OK";
  } catch (e) {
    return e instanceof AppError ? e.code : "OTHER";
  }
};

describe("authorize", () => {
  it.each([
    ["no actor", null, {}, "UNAUTHENTICATED"],
    ["unknown role", actor("ADMIN"), {}, "FORBIDDEN"],
    ["own unit, allowed role", actor("VARDSAMORDNARE"), { roles: ["VARDSAMORDNARE"], unitId: "u1" }, "OK"],
    ["other unit", actor("VARDSAMORDNARE"), { unitId: "u2" }, "NOT_FOUND"],
    [
      "other unit and wrong role: 404 first",
      actor("PSYKIATER"),
      { roles: ["VARDSAMORDNARE"], unitId: "u2" },
      "NOT_FOUND",
    ],
    ["wrong role", actor("VERKSAMHETSCHEF"), { roles: ["VARDSAMORDNARE", "ALLMANLAKARE"] }, "FORBIDDEN"],
    ["psychiatrist serving two units", actor("PSYKIATER", ["u1", "u2"]), { unitId: "u2" }, "OK"],
  ] as const)("%s", (_name, subject, opts, expected) => {
    expect(codeOf(() => authorize(subject, opts))).toBe(expected);
  });
});
