import { describe, expect, it } from "vitest";
import {
  CONTACT_TYPES,
  CONTACT_TYPE_LABEL,
  COUNTERPARTS,
  COUNTERPART_LABEL,
  EPISODE_STATUSES,
  FLAG_DECISIONS,
  FLAG_DECISION_LABEL,
  NOT_REACHED_LABEL,
  STATUS_LABEL,
} from "./vocabulary";

// domain.md, "Swedish UI vocabulary": every page speaks these words.
describe("the Swedish UI vocabulary of domain.md", () => {
  it("statuses", () => {
    expect(EPISODE_STATUSES.map((s) => [s, STATUS_LABEL[s]])).toEqual([
      ["ACTIVE", "Aktiv"],
      ["RELAPSE_PREVENTION", "Återfallsprevention"],
      ["COMPLETED", "Avslutad"],
      ["DEACTIVATED", "Avbruten"],
    ]);
  });

  it("contact types, and a contact that did not reach the person", () => {
    expect(Object.fromEntries(CONTACT_TYPES.map((t) => [t, CONTACT_TYPE_LABEL[t]]))).toEqual({
      PHONE: "Telefon",
      IN_PERSON: "Fysiskt besök",
      VIDEO: "Video",
      SELF_REPORT: "Självskattning",
    });
    expect(NOT_REACHED_LABEL).toBe("Ej nådd");
  });

  it("the GP's decisions", () => {
    expect(FLAG_DECISIONS.map((d) => FLAG_DECISION_LABEL[d])).toEqual([
      "Läkemedelsändring",
      "Sjukskrivning",
      "Remiss till specialistpsykiatrin",
      "Suicidriskbedömning gjord",
      "Fortsatt samma behandling",
      "Annat",
    ]);
  });

  it("counterparts", () => {
    expect(COUNTERPARTS.map((c) => [c, COUNTERPART_LABEL[c]])).toEqual([
      ["PATIENT", "Patient"],
      ["FORSAKRINGSKASSAN", "Försäkringskassan"],
      ["SOCIALTJANST", "Socialtjänsten"],
      ["ARBETSGIVARE", "Arbetsgivare"],
      ["OTHER", "Annan"],
    ]);
  });
});
