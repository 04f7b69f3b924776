import { describe, expect, it } from "vitest";
import { ROLES } from "@/modules/auth/roles";
import { may } from "@/modules/auth/rules/permissions";
import { NAVIGATION, currentItem } from "./navigation";

describe("navigation by role", () => {
  it.each([
    ["VARDSAMORDNARE", ["Mina patienter", "Skriv in patient", "Flaggade patienter"]],
    ["ALLMANLAKARE", ["Flaggade patienter", "Mina patienter", "Skriv in patient"]],
    ["PSYKIATER", ["Konsultlista", "Konsultbesök", "Flaggade patienter"]],
    ["VERKSAMHETSCHEF", ["Uppföljning", "Loggkontroll", "Inställningar"]],
  ] as const)("%s sees %o", (role, labels) => {
    expect(NAVIGATION[role].map((i) => i.label)).toEqual(labels);
  });

  it("no role is shown a page its permissions refuse", () => {
    for (const role of ROLES) {
      for (const item of NAVIGATION[role])
        expect([item.href, may(role, item.permission)]).toEqual([item.href, true]);
    }
  });

  it("the current item is the longest match", () => {
    const items = NAVIGATION.VARDSAMORDNARE;
    expect(currentItem(items, "/patienter/ny")?.label).toBe("Skriv in patient");
    expect(currentItem(items, "/patienter/123")?.label).toBe("Mina patienter");
    expect(currentItem(items, "/patienter")?.label).toBe("Mina patienter");
    expect(currentItem(items, "/flaggor")?.label).toBe("Flaggade patienter");
    expect(currentItem(items, "/")).toBeUndefined();
    expect(currentItem(items, "/patienterx")).toBeUndefined();
  });
});
