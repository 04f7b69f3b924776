// Named expectations for the integration tests.
import { expect } from "vitest";
import { systemDb } from "@/lib/db/client";

/** The open flags of an episode view, in display order. */
export const expectOpenFlags = (view: { flags: { code: string }[] }, codes: string[]) =>
  expect(view.flags.map((f) => f.code)).toEqual(codes);

/** The access-log rows of a user, oldest first, as [action, target, patientId, refusal]. */
export async function loggedFor(userId: string) {
  const rows = await systemDb().accessLog.findMany({ where: { userId }, orderBy: { id: "asc" } });
  return rows.map((r) => [r.action, r.target, r.patientId, r.refusal] as const);
}

/** Nothing of the patient (name, personnummer, phone) appears anywhere in a response body. */
export function expectNoPatientData(
  body: unknown,
  patient: { givenName: string; familyName: string; personnummer: string; phone?: string | null; id: string },
) {
  const text = JSON.stringify(body);
  for (const value of [patient.familyName, patient.personnummer, patient.phone, patient.id])
    if (value) expect(text).not.toContain(value);
}
