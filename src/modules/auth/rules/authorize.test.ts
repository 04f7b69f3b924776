import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { authorize } from "./authorize";

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
    ["unknown role, no permission asked", actor("ADMIN"), { unitId: "u1" }, "FORBIDDEN"],
    ["own unit, allowed role", actor("VARDSAMORDNARE"), { permission: "clinical:write", unitId: "u1" }, "OK"],
    ["own unit, no permission asked", actor("VERKSAMHETSCHEF"), { unitId: "u1" }, "OK"],
    ["other unit", actor("VARDSAMORDNARE"), { unitId: "u2" }, "NOT_FOUND"],
    [
      "other unit and wrong role: 404 first",
      actor("PSYKIATER"),
      { permission: "clinical:write", unitId: "u2" },
      "NOT_FOUND",
    ],
    ["wrong role", actor("VERKSAMHETSCHEF"), { permission: "clinical:read" }, "FORBIDDEN"],
    ["psychiatrist serving two units", actor("PSYKIATER", ["u1", "u2"]), { unitId: "u2" }, "OK"],
  ] as const)("%s", (_name, subject, opts, expected) => {
    expect(codeOf(() => authorize(subject, opts))).toBe(expected);
  });

  it("a rule of its own decides instead of the table (who may handle a flag)", () => {
    const onlyGp = (role: Role) => role === "ALLMANLAKARE";
    expect(codeOf(() => authorize(actor("ALLMANLAKARE"), { permission: onlyGp }))).toBe("OK");
    expect(codeOf(() => authorize(actor("PSYKIATER"), { permission: onlyGp }))).toBe("FORBIDDEN");
  });

  it("a refusal carries the message it was given, else the default", () => {
    const message = (forbidden?: string) => {
      try {
        authorize(actor("VERKSAMHETSCHEF"), { permission: "clinical:read", forbidden });
      } catch (e) {
        return (e as AppError).userMessage;
      }
    };
    expect(message("Sök på personnummer.")).toBe("Sök på personnummer.");
    expect(message()).toBe("Din roll får inte göra detta.");
  });

  it("an unknown role is named in the error's log message", () => {
    expect(() => authorize(actor("ADMIN"))).toThrow("unknown role ADMIN");
  });

  it("returns the actor it was given", () => {
    const a = actor("PSYKIATER");
    expect(authorize(a, { permission: "clinical:read" })).toBe(a);
  });
});
