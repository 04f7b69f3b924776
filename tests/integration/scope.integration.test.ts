// Inre sekretess and the permission table, over every API endpoint. These
// tests are what fails when the unit filter of the scoped repository
// (patient-data/lib/scoped.ts), or any role check, is deleted.
import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { systemDb } from "@/lib/db/client";
import { CONTRACTS } from "@/app/api/v1/contracts";
import { api } from "../support/api";
import { expectNoPatientData } from "../support/expects";
import { may } from "@/modules/auth/rules/permissions";
import type { Actor } from "@/modules/auth/actor";
import { getCaseload } from "@/modules/caseload/lib/get-caseload";
import { getFlaggedPatients } from "@/modules/caseload/lib/get-flagged";
import { getTodayWork } from "@/modules/caseload/lib/get-today";
import { parseCaseloadQuery } from "@/modules/caseload/rules/caseload-query";
import { getContactFormContext } from "@/modules/contacts/lib/contact-form-context";
import { getPatientRecord } from "@/modules/episodes/lib/get-patient-record";
import { reviewListWithNames } from "@/modules/review/lib/review-list";
import {
  accessRows,
  actorOf,
  createTestUser,
  createTokenUser,
  uniquePersonnummer,
} from "../support/factories";
import { createEpisodeScenario } from "../support/scenario";

const MISSING = "00000000-0000-4000-8000-00000000dead";

/** A situation with something to do on every endpoint: an open episode with an open SAFETY_RISK and SAFETY_CHECK. */
const scenario = () =>
  createEpisodeScenario({
    startDaysAgo: 100,
    scores: [
      { day: 0, total: 30, item9: 2 },
      { day: 99, total: 32, item9: 5 },
    ],
  });

type Scenario = Awaited<ReturnType<typeof scenario>>;

/** Every endpoint that names a record, as a request on that record (valid input, so only scope decides). */
type Ids = {
  episodeId: string;
  patientId: string;
  requestId: string;
  visitId: string;
  itemId: string;
  recommendationId: string;
  linkId: string;
};
const MISSING_IDS: Ids = {
  episodeId: MISSING,
  patientId: MISSING,
  requestId: MISSING,
  visitId: MISSING,
  itemId: MISSING,
  recommendationId: MISSING,
  linkId: MISSING,
};

/** A visit at the scenario's unit with the patient on its agenda (no psychiatrist needed for this). */
async function visitOf(s: Scenario): Promise<Partial<Ids>> {
  const visit = await systemDb().visit.create({
    data: {
      unitId: s.unitId,
      date: new Date(`${s.day(100)}T00:00:00Z`),
      psychiatristId: s.careManager.id,
      items: { create: [{ episodeId: s.episode.id, position: 0 }] },
    },
    include: { items: true },
  });
  return { visitId: visit.id, itemId: visit.items[0]!.id };
}

const RECORD_REQUESTS: {
  name: string;
  /** Makes the record the call names, when the scenario has none (a question to answer). */
  prepare?: (s: Scenario) => Promise<Partial<Ids>>;
  call: (id: Ids, s: Scenario) => Parameters<typeof api>;
  /** A visit names no patient until it is found: its refusal is logged with the unit only. */
  visit?: true;
}[] = [
  { name: "GET /patients/{id}", call: ({ patientId }) => ["GET", `/patients/${patientId}`] },
  {
    name: "POST /patients/{id}/episodes",
    call: ({ patientId }, s) => [
      "POST",
      `/patients/${patientId}/episodes`,
      { body: { startDate: s.day(100) } },
    ],
  },
  { name: "GET /episodes/{id}", call: ({ episodeId }) => ["GET", `/episodes/${episodeId}`] },
  {
    name: "POST /episodes/{id}/contacts",
    call: ({ episodeId }, s) => [
      "POST",
      `/episodes/${episodeId}/contacts`,
      { body: { date: s.day(100), type: "PHONE", reached: true } },
    ],
  },
  {
    name: "POST /episodes/{id}/status",
    call: ({ episodeId }, s) => [
      "POST",
      `/episodes/${episodeId}/status`,
      { body: { status: "COMPLETED", date: s.day(100) } },
    ],
  },
  {
    name: "POST /episodes/{id}/review-requests",
    call: ({ episodeId }) => [
      "POST",
      `/episodes/${episodeId}/review-requests`,
      { body: { question: "Byte?" } },
    ],
  },
  {
    name: "POST /episodes/{id}/flags/{code}/handle",
    call: ({ episodeId }) => [
      "POST",
      `/episodes/${episodeId}/flags/SAFETY_RISK/handle`,
      { body: { note: "Riskbedömning gjord." } },
    ],
  },
  {
    name: "POST /review-requests/{id}/answer",
    prepare: async (s) => {
      const request = await systemDb().reviewRequest.create({
        data: { episodeId: s.episode.id, question: "Byte av SSRI?", requestedById: s.careManager.id },
      });
      return { requestId: request.id };
    },
    call: ({ requestId }) => ["POST", `/review-requests/${requestId}/answer`, { body: { answer: "Ja." } }],
  },
  {
    name: "POST /episodes/{id}/case-review",
    call: ({ episodeId }) => ["POST", `/episodes/${episodeId}/case-review`, { body: { text: "Fortsätt." } }],
  },
  {
    name: "POST /episodes/{id}/recommendations/{recommendationId}/read",
    // Addressed to the care manager only.
    prepare: async (s) => {
      const r = await systemDb().recommendation.create({
        data: {
          episodeId: s.episode.id,
          text: "Fortsätt.",
          authorId: s.careManager.id,
          receipts: { create: [{ userId: s.careManager.id, role: "VARDSAMORDNARE" }] },
        },
      });
      return { recommendationId: r.id };
    },
    call: ({ episodeId, recommendationId }) => [
      "POST",
      `/episodes/${episodeId}/recommendations/${recommendationId}/read`,
    ],
  },
  {
    name: "POST /episodes/{id}/self-report-links",
    call: ({ episodeId }) => ["POST", `/episodes/${episodeId}/self-report-links`],
  },
  {
    name: "DELETE /self-report-links/{id}",
    prepare: async (s) => {
      const link = await systemDb().selfReportLink.create({
        data: {
          episodeId: s.episode.id,
          tokenHash: `test-${crypto.randomUUID()}`,
          createdById: s.careManager.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { linkId: link.id };
    },
    call: ({ linkId }) => ["DELETE", `/self-report-links/${linkId}`],
  },
  {
    name: "GET /visits/{id}",
    prepare: visitOf,
    visit: true,
    call: ({ visitId }) => ["GET", `/visits/${visitId}`],
  },
  {
    name: "POST /visits/{id}/agenda",
    prepare: visitOf,
    visit: true,
    call: ({ visitId, itemId }) => ["POST", `/visits/${visitId}/agenda`, { body: { op: "remove", itemId } }],
  },
  {
    name: "POST /visits/{id}/items/{itemId}/recommendation",
    prepare: visitOf,
    visit: true,
    call: ({ visitId, itemId }) => [
      "POST",
      `/visits/${visitId}/items/${itemId}/recommendation`,
      { body: { text: "Fortsätt." } },
    ],
  },
];

describe("another unit's record is not found, exactly like a missing one", () => {
  it("covers every API route that takes a record id", () => {
    const withId = CONTRACTS.filter((c) => c.path.includes("{id}")).map((c) => `${c.method} ${c.path}`);
    expect(RECORD_REQUESTS.map((r) => r.name).sort()).toEqual(withId.sort());
  });

  it.each(RECORD_REQUESTS)(
    "$name: 404, the same body, no patient data, a logged refusal",
    async ({ call, prepare, visit }) => {
      const theirs = await scenario();
      const extra = (await prepare?.(theirs)) ?? {};
      // The strongest caller of the other unit: a GP (may read and write), and a psychiatrist for the handling.
      for (const role of ["ALLMANLAKARE", "PSYKIATER"] as const) {
        const other = await createTokenUser({ role });
        const ids = { ...MISSING_IDS, episodeId: theirs.episode.id, patientId: theirs.patient.id, ...extra };
        const [method, path, opts] = call(ids, theirs);
        const foreign = await api(method, path, { ...opts, token: other.token });
        const [m2, missingPath, o2] = call(MISSING_IDS, theirs);
        const missing = await api(m2, missingPath, { ...o2, token: other.token });
        expect(foreign.status).toBe(404);
        expect(foreign.body).toEqual(missing.body);
        expectNoPatientData(foreign.body, theirs.patient);
        const rows = await systemDb().accessLog.findMany({
          where: { userId: other.user.id },
          orderBy: { id: "asc" },
        });
        expect(rows.map((r) => [r.refusal, r.patientId, r.unitId])).toEqual([
          ["NOT_FOUND", visit ? null : theirs.patient.id, theirs.unitId],
          ["NOT_FOUND", null, null],
        ]);
      }
      // Nothing was written to the other unit's episode.
      expect(await systemDb().contact.count({ where: { episodeId: theirs.episode.id } })).toBe(2);
      expect(await systemDb().flagHandling.count({ where: { episodeId: theirs.episode.id } })).toBe(0);
      expect(await systemDb().episode.count({ where: { patientId: theirs.patient.id } })).toBe(1);
      expect(
        await systemDb().reviewRequest.count({
          where: { episodeId: theirs.episode.id, answer: { not: null } },
        }),
      ).toBe(0);
      expect(
        await systemDb().recommendationReceipt.count({
          where: { recommendation: { episodeId: theirs.episode.id }, readAt: { not: null } },
        }),
      ).toBe(0);
      expect(await systemDb().visitItem.count({ where: { episodeId: theirs.episode.id } })).toBe(
        visit ? 1 : 0,
      );
      expect(await systemDb().recommendation.count({ where: { episodeId: theirs.episode.id } })).toBe(
        extra.recommendationId ? 1 : 0,
      );
    },
  );

  it("lists and searches show nothing of another unit", async () => {
    const theirs = await scenario();
    const other = await createTokenUser({ role: "PSYKIATER" });
    const list = await api<{ items: { patientId: string }[] }>("GET", "/review-list", { token: other.token });
    expect(list.body.items).toEqual([]);
    const unitFilter = await api("GET", `/review-list?unitId=${theirs.unitId}`, { token: other.token });
    expect(unitFilter.status).toBe(404);
    const search = await api("GET", `/patients?personnummer=${theirs.patient.personnummer}`, {
      token: other.token,
    });
    expect(search.body).toEqual([]);
    const all = await api("GET", "/patients", { token: other.token });
    expectNoPatientData(all.body, theirs.patient);
    const register = await api("POST", "/patients", {
      token: other.token,
      body: { personnummer: uniquePersonnummer(), givenName: "A", familyName: "B", unitId: theirs.unitId },
    });
    expect(register.status).toBe(404);
  });
});

// domain.md's permission table, endpoint by endpoint: the status each role gets.
const ALL: Role[] = ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER", "VERKSAMHETSCHEF"];
const MATRIX: {
  name: string;
  allowed: Role[];
  ok: number;
  prepare?: (s: Scenario) => Promise<Partial<Ids>>;
  call: (s: Scenario, extra?: Partial<Ids>) => Parameters<typeof api>;
  /** Shows no patient (a list of visits; none addressed to the caller): nothing to log when allowed. */
  logsNothing?: true;
}[] = [
  ...RECORD_REQUESTS.map((r) => ({
    name: r.name,
    prepare: r.prepare,
    call: (s: Scenario, extra: Partial<Ids> = {}) =>
      r.call({ ...MISSING_IDS, episodeId: s.episode.id, patientId: s.patient.id, ...extra }, s),
    ...{
      "GET /patients/{id}": { allowed: ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"] as Role[], ok: 200 },
      // The patient already has an open episode: a writer gets past the role check to the 409.
      "POST /patients/{id}/episodes": { allowed: ["VARDSAMORDNARE", "ALLMANLAKARE"] as Role[], ok: 409 },
      "GET /episodes/{id}": { allowed: ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"] as Role[], ok: 200 },
      "POST /episodes/{id}/contacts": { allowed: ["VARDSAMORDNARE", "ALLMANLAKARE"] as Role[], ok: 201 },
      "POST /episodes/{id}/status": { allowed: ["VARDSAMORDNARE", "ALLMANLAKARE"] as Role[], ok: 200 },
      "POST /episodes/{id}/review-requests": {
        allowed: ["VARDSAMORDNARE", "ALLMANLAKARE"] as Role[],
        ok: 201,
      },
      "POST /episodes/{id}/flags/{code}/handle": {
        allowed: ["ALLMANLAKARE", "PSYKIATER"] as Role[],
        ok: 200,
      },
      "POST /review-requests/{id}/answer": { allowed: ["PSYKIATER"] as Role[], ok: 200 },
      "POST /episodes/{id}/case-review": { allowed: ["PSYKIATER"] as Role[], ok: 201 },
      // Addressed to the care manager of the scenario, not to the caller: 404 past the role check.
      "POST /episodes/{id}/recommendations/{recommendationId}/read": {
        allowed: ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"] as Role[],
        ok: 404,
      },
      "POST /episodes/{id}/self-report-links": {
        allowed: ["VARDSAMORDNARE", "ALLMANLAKARE"] as Role[],
        ok: 201,
      },
      "DELETE /self-report-links/{id}": { allowed: ["VARDSAMORDNARE", "ALLMANLAKARE"] as Role[], ok: 200 },
      "GET /visits/{id}": { allowed: ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"] as Role[], ok: 200 },
      "POST /visits/{id}/agenda": { allowed: ["PSYKIATER"] as Role[], ok: 200 },
      "POST /visits/{id}/items/{itemId}/recommendation": { allowed: ["PSYKIATER"] as Role[], ok: 201 },
    }[r.name]!,
  })),
  {
    name: "POST /episodes/{id}/flags/SAFETY_CHECK/handle",
    allowed: ["VARDSAMORDNARE"],
    ok: 200,
    call: (s) => [
      "POST",
      `/episodes/${s.episode.id}/flags/SAFETY_CHECK/handle`,
      { body: { note: "Bedömd." } },
    ],
  },
  {
    name: "POST /episodes/{id}/flags/MARKED_FOR_REVIEW/handle (nothing asked: 409 past the role check)",
    allowed: ["PSYKIATER"],
    ok: 409,
    call: (s) => [
      "POST",
      `/episodes/${s.episode.id}/flags/MARKED_FOR_REVIEW/handle`,
      { body: { note: "Svar." } },
    ],
  },
  {
    name: "POST /patients",
    allowed: ["VARDSAMORDNARE", "ALLMANLAKARE"],
    ok: 201,
    call: (s) => [
      "POST",
      "/patients",
      {
        body: {
          personnummer: uniquePersonnummer(),
          givenName: "Ny",
          familyName: "Patient",
          unitId: s.unitId,
        },
      },
    ],
  },
  {
    name: "GET /patients",
    allowed: ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"],
    ok: 200,
    call: () => ["GET", "/patients"],
  },
  {
    name: "GET /patients?personnummer",
    allowed: ALL,
    ok: 200,
    call: (s) => ["GET", `/patients?personnummer=${s.patient.personnummer}`],
  },
  {
    name: "GET /review-list",
    allowed: ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"],
    ok: 200,
    call: () => ["GET", "/review-list"],
  },
  {
    name: "GET /visits",
    allowed: ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"],
    ok: 200,
    prepare: visitOf,
    logsNothing: true,
    call: () => ["GET", "/visits"],
  },
  {
    name: "POST /visits",
    allowed: ["PSYKIATER"],
    ok: 201,
    call: (s) => ["POST", "/visits", { body: { unitId: s.unitId, date: s.day(100) } }],
  },
  {
    name: "GET /reports",
    allowed: ["VERKSAMHETSCHEF"],
    ok: 200,
    call: (s) => ["GET", `/reports?unitId=${s.unitId}&from=${s.day(0)}&to=${s.day(100)}`],
  },
  {
    name: "GET /research-export",
    allowed: ["VERKSAMHETSCHEF"],
    ok: 200,
    call: (s) => [
      "GET",
      `/research-export?unitId=${s.unitId}&from=${s.day(0)}&to=${s.day(100)}&kind=episodes`,
    ],
  },
  {
    name: "GET /recommendations",
    allowed: ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"],
    ok: 200,
    logsNothing: true,
    call: () => ["GET", "/recommendations"],
  },
];

describe("the permission table, endpoint by endpoint", () => {
  it.each(MATRIX.flatMap((row) => ALL.map((role) => ({ ...row, role }))))(
    "$name as $role",
    async ({ role, allowed, ok, call, prepare, logsNothing }) => {
      const s = await scenario();
      const caller = await createTokenUser({ role, unitIds: [s.unitId] });
      const [method, path, opts] = call(s, (await prepare?.(s)) ?? {});
      const res = await api(method, path, { ...opts, token: caller.token });
      expect(res.status).toBe(allowed.includes(role) ? ok : 403);
      const rows = await systemDb().accessLog.findMany({ where: { userId: caller.user.id } });
      if (!allowed.includes(role)) {
        expectNoPatientData(res.body, s.patient);
        expect(rows.map((r) => r.refusal)).toEqual(["FORBIDDEN"]);
      } else if (logsNothing) {
        expect(rows).toEqual([]);
      } else {
        expect(rows.length).toBeGreaterThan(0);
      }
    },
  );

  it("a verksamhetschef's identity look-up is the identity only: no phone", async () => {
    const s = await scenario();
    const chef = await createTokenUser({ role: "VERKSAMHETSCHEF", unitIds: [s.unitId] });
    const res = await api<Record<string, unknown>[]>(
      "GET",
      `/patients?personnummer=${s.patient.personnummer}`,
      {
        token: chef.token,
      },
    );
    expect(res.body).toEqual([
      {
        id: s.patient.id,
        personnummer: s.patient.personnummer,
        givenName: s.patient.givenName,
        familyName: s.patient.familyName,
        unitId: s.unitId,
      },
    ]);
    const gp = await createTokenUser({ role: "ALLMANLAKARE", unitIds: [s.unitId] });
    const clinical = await api<Record<string, unknown>[]>(
      "GET",
      `/patients?personnummer=${s.patient.personnummer}`,
      {
        token: gp.token,
      },
    );
    expect(clinical.body[0]).toMatchObject({ phone: s.patient.phone });
  });
});

// The pages' own use cases (the episode page and the Konsultlista), called as the pages call them.
describe("the pages' reads keep the same rules", () => {
  // Every page that reads one record by its id, with the permission its page needs.
  const PAGE_READS = {
    "the episode page (/insatser/{id})": {
      permission: "clinical:read",
      read: (actor: Actor, s: Scenario, id = s.episode.id) =>
        getPatientRecord({ actor, episodeId: id, asOf: s.day(100) }),
    },
    "the patient page (/patienter/{id})": {
      permission: "clinical:read",
      read: (actor: Actor, s: Scenario, id = s.patient.id) =>
        getPatientRecord({ actor, patientId: id, asOf: s.day(100) }),
    },
    "the contact form (/insatser/{id}/kontakt)": {
      permission: "clinical:write",
      read: (actor: Actor, s: Scenario, id = s.episode.id) => getContactFormContext({ actor, episodeId: id }),
    },
  } as const;

  describe.each(Object.entries(PAGE_READS))("%s", (_page, { permission, read }) => {
    it.each(ALL)(
      "as %s: its own unit's record by role, another unit's and a missing one 404",
      async (role) => {
        const s = await scenario();
        const own = actorOf(await createTestUser({ role, unitIds: [s.unitId] }));
        const stranger = actorOf(await createTestUser({ role }));
        if (may(role, permission)) {
          expect(JSON.stringify(await read(own, s))).toContain(s.patient.id);
        } else {
          await expect(read(own, s)).rejects.toMatchObject({ status: 403 });
        }
        await expect(read(stranger, s)).rejects.toMatchObject({ status: 404 });
        await expect(read(stranger, s, MISSING)).rejects.toMatchObject({ status: 404 });
        expect((await accessRows({ userId: stranger.userId })).map((r) => [r.refusal, r.patientId])).toEqual([
          ["NOT_FOUND", s.patient.id],
          ["NOT_FOUND", null],
        ]);
      },
    );
  });

  it.each(ALL)("the lists' reads as %s: never another unit's patients", async (role) => {
    const s = await scenario();
    const stranger = actorOf(await createTestUser({ role }));
    const today = s.day(100);
    const lists = [
      () => getCaseload({ actor: stranger, query: parseCaseloadQuery({ vy: "enheten" }), asOf: today }),
      () => getFlaggedPatients({ actor: stranger, scope: "enheten", asOf: today }),
      () => getTodayWork({ actor: stranger, today }),
    ];
    for (const list of lists) {
      if (may(role, "clinical:read")) expect(JSON.stringify(await list())).not.toContain(s.patient.id);
      else await expect(list()).rejects.toMatchObject({ status: 403 });
    }
  });

  it.each(ALL)("the Konsultlista's read as %s", async (role) => {
    const s = await scenario();
    const own = actorOf(await createTestUser({ role, unitIds: [s.unitId] }));
    const stranger = actorOf(await createTestUser({ role }));
    if (may(role, "clinical:read")) {
      expect((await reviewListWithNames({ actor: own })).items.map((i) => i.patientId)).toEqual([
        s.patient.id,
      ]);
      expect((await reviewListWithNames({ actor: stranger })).items).toEqual([]);
    } else {
      await expect(reviewListWithNames({ actor: own })).rejects.toMatchObject({ status: 403 });
    }
  });
});
