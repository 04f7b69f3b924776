import { validate, compileErrors } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { items } from "@/modules/clinical/rules/test-builders";
import { api } from "../support/api";
import { accessRows, createTestUnit, createTokenUser, uniquePersonnummer } from "../support/factories";
import { createEpisodeScenario } from "../support/scenario";

const today = todayInStockholm();
const daysAgo = (n: number) => addDays(today, -n);
const nine = items;

async function setup() {
  const unit = await createTestUnit();
  const cm = await createTokenUser({ role: "VARDSAMORDNARE", unitIds: [unit.id] });
  return { unit, cm };
}

async function registerWithEpisode(token: string, unitId: string, startDate: string) {
  const p = await api<{ id: string }>("POST", "/patients", {
    token,
    body: { personnummer: uniquePersonnummer(), givenName: "Test", familyName: "Testsson", unitId },
  });
  expect(p.status).toBe(201);
  const e = await api<{ id: string; version: number }>("POST", `/patients/${p.body.id}/episodes`, {
    token,
    body: { startDate },
  });
  expect(e.status).toBe(201);
  return { patientId: p.body.id, episodeId: e.body.id, version: e.body.version };
}

describe("authentication", () => {
  it("no token, a malformed one and an unknown one get 401 problem+json", async () => {
    for (const token of [undefined, "nonsense", `svd_${"x".repeat(43)}`]) {
      const res = await api("GET", "/me", { token });
      expect(res.status).toBe(401);
      expect(res.contentType).toBe("application/problem+json");
      expect(res.body).toMatchObject({ status: 401, title: "Unauthorized" });
    }
  });

  it("a revoked token is refused", async () => {
    const { token, user } = await createTokenUser();
    expect((await api("GET", "/me", { token })).status).toBe(200);
    await systemDb().apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect((await api("GET", "/me", { token })).status).toBe(401);
  });

  it("/me and /units answer with the token's user", async () => {
    const [a, b] = [await createTestUnit(), await createTestUnit()];
    const { token, user } = await createTokenUser({ role: "PSYKIATER", unitIds: [a.id, b.id] });
    expect((await api("GET", "/me", { token })).body).toMatchObject({
      id: user.id,
      username: user.username,
      role: "PSYKIATER",
    });
    const units = await api<{ id: string }[]>("GET", "/units", { token });
    expect(units.body.map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("an unknown API path answers 404 problem+json", async () => {
    const { token } = await createTokenUser();
    const res = await api("GET", "/nothing-here", { token });
    expect(res).toMatchObject({ status: 404, contentType: "application/problem+json" });
  });
});

describe("patients", () => {
  it("registers with the identity number normalised to 12 digits, and logs it", async () => {
    const { unit, cm } = await setup();
    const pnr = uniquePersonnummer();
    const short = `${pnr.slice(2, 8)}-${pnr.slice(8)}`;
    const res = await api<{ id: string; personnummer: string }>("POST", "/patients", {
      token: cm.token,
      body: {
        personnummer: short,
        givenName: "Anna",
        familyName: "Andersson",
        phone: "070-123 45 67",
        unitId: unit.id,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.personnummer).toBe(pnr);
    expect(await accessRows({ userId: cm.user.id })).toMatchObject([
      { action: "CREATE", patientId: res.body.id, unitId: unit.id },
    ]);
  });

  it("accepts a samordningsnummer", async () => {
    const { unit, cm } = await setup();
    const snr = uniquePersonnummer({ coordination: true });
    const res = await api("POST", "/patients", {
      token: cm.token,
      body: { personnummer: snr, givenName: "S", familyName: "N", unitId: unit.id },
    });
    expect(res.status).toBe(201);
    expect(res.body.personnummer).toBe(snr);
  });

  it.each([
    ["a bad check digit", (p: string) => `${p.slice(0, 11)}${(Number(p[11]) + 1) % 10}`],
    ["a date that does not exist", () => "19900230-0000"],
    ["letters", () => "19900101-ABCD"],
  ])("refuses %s with a 400 field error and logs nothing", async (_name, mangle) => {
    const { unit, cm } = await setup();
    const res = await api<{ errors: Record<string, string[]> }>("POST", "/patients", {
      token: cm.token,
      body: { personnummer: mangle(uniquePersonnummer()), givenName: "A", familyName: "B", unitId: unit.id },
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toBe("application/problem+json");
    expect(res.body.errors.personnummer?.[0]).toMatch(/\S/);
    expect(await accessRows({ userId: cm.user.id })).toEqual([]);
  });

  it("a second registration in the same unit is 409 naming the existing record; another unit's is no conflict", async () => {
    const { unit, cm } = await setup();
    const other = await setup();
    const body = { personnummer: uniquePersonnummer(), givenName: "A", familyName: "B" };
    const first = await api<{ id: string }>("POST", "/patients", {
      token: cm.token,
      body: { ...body, unitId: unit.id },
    });
    const again = await api("POST", "/patients", { token: cm.token, body: { ...body, unitId: unit.id } });
    expect(again).toMatchObject({ status: 409, body: { existingId: first.body.id } });
    const elsewhere = await api<{ id: string }>("POST", "/patients", {
      token: other.cm.token,
      body: { ...body, unitId: other.unit.id },
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });

  it("another unit's patient is 404, exactly like a missing one", async () => {
    const a = await setup();
    const b = await setup();
    const { patientId } = await registerWithEpisode(a.cm.token, a.unit.id, daysAgo(3));
    const theirs = await api("GET", `/patients/${patientId}`, { token: b.cm.token });
    const missing = await api("GET", `/patients/00000000-0000-4000-8000-000000000000`, { token: b.cm.token });
    expect(theirs.status).toBe(404);
    expect({ ...theirs.body }).toEqual({ ...missing.body });
    expect(
      (
        await api("POST", "/patients", {
          token: b.cm.token,
          body: { personnummer: uniquePersonnummer(), givenName: "A", familyName: "B", unitId: a.unit.id },
        })
      ).status,
    ).toBe(404);
    // Each attempt is logged as refused; the row names the record tried, for a.unit's log review.
    expect(
      (await accessRows({ userId: b.cm.user.id })).map((r) => [
        r.action,
        r.target,
        r.patientId,
        r.unitId,
        r.refusal,
      ]),
    ).toEqual([
      ["READ", `patient:${patientId}`, patientId, a.unit.id, "NOT_FOUND"],
      ["READ", "patient:00000000-0000-4000-8000-000000000000", null, null, "NOT_FOUND"],
      ["CREATE", "patient", null, a.unit.id, "NOT_FOUND"],
    ]);
  });

  it("search by personnummer stays in the caller's units and logs each patient read", async () => {
    const a = await setup();
    const pnr = uniquePersonnummer();
    const created = await api<{ id: string }>("POST", "/patients", {
      token: a.cm.token,
      body: { personnummer: pnr, givenName: "A", familyName: "B", unitId: a.unit.id },
    });
    const found = await api<{ id: string }[]>("GET", `/patients?personnummer=${pnr}`, { token: a.cm.token });
    expect(found.body.map((p) => p.id)).toEqual([created.body.id]);
    const b = await setup();
    expect(
      (await api<unknown[]>("GET", `/patients?personnummer=${pnr}`, { token: b.cm.token })).body,
    ).toEqual([]);
    expect((await api("GET", `/patients?personnummer=123`, { token: b.cm.token })).status).toBe(400);
    const reads = (await accessRows({ userId: a.cm.user.id })).filter((r) => r.action === "READ");
    expect(reads).toMatchObject([{ patientId: created.body.id, target: "patient-search:personnummer" }]);
  });

  it("a verksamhetschef may look up an identity but not read the clinical record (403)", async () => {
    const a = await setup();
    const chef = await createTokenUser({ role: "VERKSAMHETSCHEF", unitIds: [a.unit.id] });
    const { patientId } = await registerWithEpisode(a.cm.token, a.unit.id, daysAgo(3));
    const pnr = (await systemDb().patient.findUniqueOrThrow({ where: { id: patientId } })).personnummer;
    expect(
      (await api<unknown[]>("GET", `/patients?personnummer=${pnr}`, { token: chef.token })).body,
    ).toHaveLength(1);
    expect((await api("GET", `/patients/${patientId}`, { token: chef.token })).status).toBe(403);
    expect((await api("GET", "/patients", { token: chef.token })).status).toBe(403);
    expect(
      (
        await api("POST", "/patients", {
          token: chef.token,
          body: { personnummer: uniquePersonnummer(), givenName: "A", familyName: "B", unitId: a.unit.id },
        })
      ).status,
    ).toBe(403);
  });
});

describe("episodes and contacts", () => {
  it("a second open episode is 409 with the existing id", async () => {
    const { unit, cm } = await setup();
    const { patientId, episodeId } = await registerWithEpisode(cm.token, unit.id, daysAgo(10));
    const again = await api("POST", `/patients/${patientId}/episodes`, {
      token: cm.token,
      body: { startDate: daysAgo(1) },
    });
    expect(again).toMatchObject({ status: 409, body: { existingId: episodeId } });
  });

  it("logs a contact with MADRS-S and its derived total, and writes the access log", async () => {
    const { unit, cm } = await setup();
    const { episodeId, patientId } = await registerWithEpisode(cm.token, unit.id, daysAgo(10));
    const res = await api<{ id: string; madrsSTotal: number }>("POST", `/episodes/${episodeId}/contacts`, {
      token: cm.token,
      body: {
        date: daysAgo(10),
        type: "IN_PERSON",
        reached: true,
        madrsS: [3, 3, 3, 3, 3, 3, 3, 3, 1],
        durationMinutes: 45,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.madrsSTotal).toBe(25);
    const rows = await accessRows({ userId: cm.user.id });
    expect(rows.at(-1)).toMatchObject({ action: "CREATE", patientId, target: `contact:${res.body.id}` });
  });

  it.each([
    ["8 items", { madrsS: [1, 1, 1, 1, 1, 1, 1, 1] }],
    ["an item of 7", { madrsS: [1, 1, 1, 1, 1, 1, 1, 1, 7] }],
    ["a missing item", { madrsS: [1, 1, 1, 1, null, 1, 1, 1, 1] }],
    ["madrsS with reached: false", { reached: false, madrsS: [1, 1, 1, 1, 1, 1, 1, 1, 1] }],
    [
      "madrsS with Försäkringskassan",
      { counterpart: "FORSAKRINGSKASSAN", madrsS: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
    ],
    ["an unknown type", { type: "LETTER" }],
    ["a bad date", { date: "2026-02-30" }],
  ])("refuses %s with 400 and a field error", async (_name, patch) => {
    const { unit, cm } = await setup();
    const { episodeId } = await registerWithEpisode(cm.token, unit.id, daysAgo(10));
    const res = await api<{ errors: Record<string, string[]> }>("POST", `/episodes/${episodeId}/contacts`, {
      token: cm.token,
      body: { date: daysAgo(5), type: "PHONE", reached: true, ...patch },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).length).toBeGreaterThan(0);
    expect(await systemDb().contact.count({ where: { episodeId } })).toBe(0);
  });

  it("null means absent for optional fields; control characters in text are 400, never 500", async () => {
    const { unit, cm } = await setup();
    const { episodeId } = await registerWithEpisode(cm.token, unit.id, daysAgo(10));
    const ok = await api("POST", `/episodes/${episodeId}/contacts`, {
      token: cm.token,
      body: {
        date: daysAgo(5),
        type: "PHONE",
        reached: true,
        madrsS: null,
        note: null,
        time: null,
        counterpart: null,
        sickLeave: null,
      },
    });
    expect(ok.status).toBe(201);
    const nul = await api<{ errors: Record<string, string[]> }>("POST", `/episodes/${episodeId}/contacts`, {
      token: cm.token,
      body: { date: daysAgo(5), type: "PHONE", reached: true, note: "före\u0000efter" },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.errors.note).toBeDefined();
  });

  it("ids compare equal whatever their case", async () => {
    const { unit, cm } = await setup();
    const res = await api("POST", "/patients", {
      token: cm.token,
      body: {
        personnummer: uniquePersonnummer(),
        givenName: "A",
        familyName: "B",
        unitId: unit.id.toUpperCase(),
      },
    });
    expect(res).toMatchObject({ status: 201, body: { unitId: unit.id } });
  });

  it("a contact before the start date is 422", async () => {
    const { unit, cm } = await setup();
    const { episodeId } = await registerWithEpisode(cm.token, unit.id, daysAgo(10));
    const res = await api("POST", `/episodes/${episodeId}/contacts`, {
      token: cm.token,
      body: { date: daysAgo(11), type: "PHONE", reached: true },
    });
    expect(res.status).toBe(422);
  });

  it("a contact after the episode was closed is 422", async () => {
    const { unit, cm } = await setup();
    const { episodeId, version } = await registerWithEpisode(cm.token, unit.id, daysAgo(10));
    const closed = await api("POST", `/episodes/${episodeId}/status`, {
      token: cm.token,
      body: { status: "DEACTIVATED", date: daysAgo(5), reason: "Flyttat", version },
    });
    expect(closed.status).toBe(200);
    expect(
      (
        await api("POST", `/episodes/${episodeId}/contacts`, {
          token: cm.token,
          body: { date: daysAgo(4), type: "PHONE", reached: true },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await api("POST", `/episodes/${episodeId}/contacts`, {
          token: cm.token,
          body: { date: daysAgo(5), type: "PHONE", reached: true },
        })
      ).status,
    ).toBe(201);
  });

  it("a stale version is 409 and nothing is overwritten", async () => {
    const { unit, cm } = await setup();
    const { episodeId, version } = await registerWithEpisode(cm.token, unit.id, daysAgo(100));
    const first = await api<{ version: number; currentStatus: string }>(
      "POST",
      `/episodes/${episodeId}/status`,
      {
        token: cm.token,
        body: { status: "RELAPSE_PREVENTION", date: daysAgo(10), plan: "Träning och sömnrutiner", version },
      },
    );
    expect(first.body).toMatchObject({ currentStatus: "RELAPSE_PREVENTION", version: version + 1 });
    const stale = await api("POST", `/episodes/${episodeId}/status`, {
      token: cm.token,
      body: { status: "DEACTIVATED", date: daysAgo(5), reason: "x", version },
    });
    expect(stale.status).toBe(409);
    expect((await systemDb().episode.findUniqueOrThrow({ where: { id: episodeId } })).status).toBe(
      "RELAPSE_PREVENTION",
    );
  });

  it.each([
    [{ status: "DEACTIVATED" }, 400, "reason"],
    [{ status: "RELAPSE_PREVENTION" }, 400, "plan"],
    [{ status: "ACTIVE" }, 400, "status"],
  ])("status change %o without what it needs is %i", async (patch, code, field) => {
    const { unit, cm } = await setup();
    const { episodeId } = await registerWithEpisode(cm.token, unit.id, daysAgo(100));
    const res = await api<{ errors: Record<string, string[]> }>("POST", `/episodes/${episodeId}/status`, {
      token: cm.token,
      body: { date: daysAgo(1), ...patch },
    });
    expect(res.status).toBe(code);
    expect(res.body.errors[field]).toBeDefined();
  });

  it("a final status cannot change (422)", async () => {
    const { unit, cm } = await setup();
    const { episodeId } = await registerWithEpisode(cm.token, unit.id, daysAgo(100));
    expect(
      (
        await api("POST", `/episodes/${episodeId}/status`, {
          token: cm.token,
          body: { status: "COMPLETED", date: daysAgo(2) },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api("POST", `/episodes/${episodeId}/status`, {
          token: cm.token,
          body: { status: "DEACTIVATED", date: daysAgo(1), reason: "x" },
        })
      ).status,
    ).toBe(422);
  });
});

describe("evaluation, flags and handling", () => {
  it("GET episode?asOf evaluates targets and flags as of that date, and logs the read", async () => {
    const s = await createEpisodeScenario({
      startDaysAgo: 70,
      scores: [
        { day: 0, total: 30 },
        { day: 49, total: 27 },
      ],
      contacts: [7, 14, 21, 28, 35, 42, 56, 63].map((day) => ({ day })),
    });
    const cm = await createTokenUser({ unitIds: [s.unitId] });
    const { start } = s;
    const [episodeId, patientId] = [s.episode.id, s.patient.id];
    const res = await api("GET", `/episodes/${episodeId}?asOf=${addDays(start, 56)}`, { token: cm.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      asOf: addDays(start, 56),
      daysInTreatment: 56,
      week: 9,
      baseline: 30,
      latest: 27,
      response: false,
      remission: false,
      flags: [
        { code: "NO_RESPONSE", to: "PSYCHIATRIST", since: addDays(start, 56) },
        { code: "EARLY_NON_RESPONSE", to: "GP", since: addDays(start, 42) },
      ],
    });
    expect(res.body.reduction).toBeCloseTo(0.1, 10);
    const reads = (await accessRows({ userId: cm.user.id })).filter((r) => r.action === "READ");
    expect(reads).toMatchObject([{ patientId, target: `episode:${episodeId}?asOf=${addDays(start, 56)}` }]);
    expect((await api("GET", `/episodes/${episodeId}?asOf=2026-13-01`, { token: cm.token })).status).toBe(
      400,
    );
  });

  it("a flag is handled by a role it goes to (403 for another), once (409 when not open), and logged", async () => {
    const s = await createEpisodeScenario({ startDaysAgo: 3, scores: [{ day: 2, total: 30, item9: 5 }] });
    const cm = await createTokenUser({ unitIds: [s.unitId] });
    const gp = await createTokenUser({ role: "ALLMANLAKARE", unitIds: [s.unitId] });
    const episodeId = s.episode.id;
    const byCm = await api("POST", `/episodes/${episodeId}/flags/SAFETY_RISK/handle`, {
      token: cm.token,
      body: { note: "x" },
    });
    expect(byCm.status).toBe(403);
    const byGp = await api("POST", `/episodes/${episodeId}/flags/SAFETY_RISK/handle`, {
      token: gp.token,
      body: { note: "Riskbedömning gjord, ingen akut risk." },
    });
    expect(byGp).toMatchObject({ status: 200, body: { code: "SAFETY_RISK", handledByRole: "ALLMANLAKARE" } });
    const twice = await api("POST", `/episodes/${episodeId}/flags/SAFETY_RISK/handle`, {
      token: gp.token,
      body: { note: "igen" },
    });
    expect(twice.status).toBe(409);
    const flags = (
      await api<{ flags: { code: string }[] }>("GET", `/episodes/${episodeId}`, { token: gp.token })
    ).body.flags;
    expect(flags.map((f) => f.code)).not.toContain("SAFETY_RISK");
    // The handling, the refused second one (409 names the episode), the read.
    expect((await accessRows({ userId: gp.user.id })).map((r) => [r.action, r.refusal])).toEqual([
      ["UPDATE", null],
      ["UPDATE", "CONFLICT"],
      ["READ", null],
    ]);
    expect((await accessRows({ userId: cm.user.id })).filter((r) => r.refusal)).toMatchObject([
      { action: "UPDATE", target: `episode:${episodeId}:flag:SAFETY_RISK`, refusal: "FORBIDDEN" },
    ]);
    expect(
      (
        await api("POST", `/episodes/${episodeId}/flags/NOT_A_FLAG/handle`, {
          token: gp.token,
          body: { note: "x" },
        })
      ).status,
    ).toBe(400);
    expect(
      (await api("POST", `/episodes/${episodeId}/flags/SEVERE/handle`, { token: gp.token, body: {} })).status,
    ).toBe(400);
  });

  it("review request → MARKED_FOR_REVIEW → the psychiatrist's answer; a second open request is 409", async () => {
    const { unit, cm } = await setup();
    const psy = await createTokenUser({ role: "PSYKIATER", unitIds: [unit.id] });
    const { episodeId } = await registerWithEpisode(cm.token, unit.id, daysAgo(3));
    expect(
      (
        await api("POST", `/episodes/${episodeId}/review-requests`, {
          token: cm.token,
          body: { question: "Byte av SSRI?" },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api("POST", `/episodes/${episodeId}/review-requests`, {
          token: cm.token,
          body: { question: "Igen?" },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await api("POST", `/episodes/${episodeId}/review-requests`, {
          token: psy.token,
          body: { question: "?" },
        })
      ).status,
    ).toBe(403);
    const list = await api<{ items: { episodeId: string; flags: string[] }[] }>("GET", "/review-list", {
      token: psy.token,
    });
    expect(list.body.items.find((i) => i.episodeId === episodeId)?.flags).toContain("MARKED_FOR_REVIEW");
    const answer = await api("POST", `/episodes/${episodeId}/flags/MARKED_FOR_REVIEW/handle`, {
      token: psy.token,
      body: { note: "Höj sertralin till 100 mg." },
    });
    expect(answer.status).toBe(200);
    const request = await systemDb().reviewRequest.findFirstOrThrow({ where: { episodeId } });
    expect(request).toMatchObject({ answer: "Höj sertralin till 100 mg.", answeredById: psy.user.id });
    expect(
      (
        await api("POST", `/episodes/${episodeId}/review-requests`, {
          token: cm.token,
          body: { question: "Ny fråga" },
        })
      ).status,
    ).toBe(201);
  });

  it("the psychiatrist answers a question by its id: once, also after the episode closed", async () => {
    const { unit, cm } = await setup();
    const psy = await createTokenUser({ role: "PSYKIATER", unitIds: [unit.id] });
    const open = await registerWithEpisode(cm.token, unit.id, daysAgo(3));
    const asked = await api<{ id: string; answeredAt: string | null }>(
      "POST",
      `/episodes/${open.episodeId}/review-requests`,
      { token: cm.token, body: { question: "Byte av SSRI?" } },
    );
    expect(asked.body.answeredAt).toBeNull();
    const empty = await api("POST", `/review-requests/${asked.body.id}/answer`, {
      token: psy.token,
      body: { answer: "  " },
    });
    expect(empty.status).toBe(400);
    const answered = await api<{ id: string; answer: string; answeredAt: string }>(
      "POST",
      `/review-requests/${asked.body.id}/answer`,
      { token: psy.token, body: { answer: "Byt till sertralin." } },
    );
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ id: asked.body.id, answer: "Byt till sertralin." });
    expect(Date.parse(answered.body.answeredAt)).not.toBeNaN();
    const list = await api<{ items: { episodeId: string; flags: string[] }[] }>("GET", "/review-list", {
      token: psy.token,
    });
    expect(list.body.items.find((i) => i.episodeId === open.episodeId)?.flags ?? []).not.toContain(
      "MARKED_FOR_REVIEW",
    );
    const again = await api<{ details?: { reason: string } }>(
      "POST",
      `/review-requests/${asked.body.id}/answer`,
      {
        token: psy.token,
        body: { answer: "Igen." },
      },
    );
    expect(again.status).toBe(409);
    expect(await systemDb().reviewRequest.findUniqueOrThrow({ where: { id: asked.body.id } })).toMatchObject({
      answer: "Byt till sertralin.",
    });

    const closing = await registerWithEpisode(cm.token, unit.id, daysAgo(10));
    const late = await api<{ id: string }>("POST", `/episodes/${closing.episodeId}/review-requests`, {
      token: cm.token,
      body: { question: "Avsluta?" },
    });
    await api("POST", `/episodes/${closing.episodeId}/status`, {
      token: cm.token,
      body: { status: "DEACTIVATED", date: daysAgo(1), reason: "Flyttat", version: closing.version },
    });
    const afterClose = await api("POST", `/review-requests/${late.body.id}/answer`, {
      token: psy.token,
      body: { answer: "Ja, avsluta." },
    });
    expect(afterClose.status).toBe(200);
  });
});

describe("OpenAPI", () => {
  it("is public, valid OpenAPI 3.1, and names every endpoint of api.md and the ones added since", async () => {
    const res = await api<Record<string, unknown> & { openapi: string; paths: Record<string, unknown> }>(
      "GET",
      "/openapi.json",
    );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(res.body) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        "/me",
        "/units",
        "/patients",
        "/patients/{id}",
        "/patients/{id}/episodes",
        "/episodes/{id}",
        "/episodes/{id}/contacts",
        "/episodes/{id}/status",
        "/episodes/{id}/review-requests",
        "/episodes/{id}/flags/{code}/handle",
        "/review-list",
        // Added (README, "What changed for integrators").
        "/review-requests/{id}/answer",
        "/episodes/{id}/case-review",
        "/recommendations",
        "/episodes/{id}/recommendations/{recommendationId}/read",
        "/visits",
        "/visits/{id}",
        "/visits/{id}/agenda",
        "/visits/{id}/items/{itemId}/recommendation",
        "/reports",
        "/research-export",
        "/episodes/{id}/self-report-links",
        "/self-report-links/{id}",
        "/self-reports/{token}",
      ].sort(),
    );
  });
});

describe("access log", () => {
  it("every endpoint that reads or writes patient data writes its row, with unit, patient and request id", async () => {
    const { unit, cm } = await setup();
    const psy = await createTokenUser({ role: "PSYKIATER", unitIds: [unit.id] });
    const pnr = uniquePersonnummer();
    const patient = await api<{ id: string }>("POST", "/patients", {
      token: cm.token,
      body: { personnummer: pnr, givenName: "A", familyName: "B", unitId: unit.id },
    });
    const patientId = patient.body.id;
    const episode = await api<{ id: string; version: number }>("POST", `/patients/${patientId}/episodes`, {
      token: cm.token,
      body: { startDate: daysAgo(100) },
    });
    const episodeId = episode.body.id;
    const contact = await api<{ id: string }>("POST", `/episodes/${episodeId}/contacts`, {
      token: cm.token,
      body: { date: daysAgo(100), type: "IN_PERSON", reached: true, madrsS: nine(30) },
    });
    await api("GET", `/patients?personnummer=${pnr}`, { token: cm.token });
    await api("GET", `/patients/${patientId}`, { token: cm.token });
    await api("GET", `/episodes/${episodeId}?asOf=${daysAgo(1)}`, { token: cm.token });
    const request = await api<{ id: string }>("POST", `/episodes/${episodeId}/review-requests`, {
      token: cm.token,
      body: { question: "?" },
    });
    await api("POST", `/episodes/${episodeId}/status`, {
      token: cm.token,
      body: { status: "RELAPSE_PREVENTION", date: daysAgo(10), plan: "Plan", version: episode.body.version },
    });
    expect(
      (await accessRows({ userId: cm.user.id })).map((r) => [r.action, r.target, r.patientId, r.unitId]),
    ).toEqual([
      ["CREATE", `patient:${patientId}`, patientId, unit.id],
      ["CREATE", `episode:${episodeId}`, patientId, unit.id],
      ["CREATE", `contact:${contact.body.id}`, patientId, unit.id],
      ["READ", "patient-search:personnummer", patientId, unit.id],
      ["READ", `patient:${patientId}`, patientId, unit.id],
      ["READ", `episode:${episodeId}?asOf=${daysAgo(1)}`, patientId, unit.id],
      ["CREATE", `review-request:${request.body.id}`, patientId, unit.id],
      ["UPDATE", `episode:${episodeId}:status:RELAPSE_PREVENTION`, patientId, unit.id],
    ]);
    expect(
      (await accessRows({ userId: cm.user.id })).every((r) => r.requestId && r.username === cm.user.username),
    ).toBe(true);

    await api("GET", "/review-list", { token: psy.token });
    await api("POST", `/episodes/${episodeId}/flags/MARKED_FOR_REVIEW/handle`, {
      token: psy.token,
      body: { note: "Svar" },
    });
    expect((await accessRows({ userId: psy.user.id })).map((r) => [r.action, r.target, r.patientId])).toEqual(
      [
        ["READ", `review-list?asOf=${today}`, patientId],
        ["UPDATE", `episode:${episodeId}:flag:MARKED_FOR_REVIEW`, patientId],
      ],
    );
  });

  it("each row names the API token, a request id made by the server, and the client's own id apart", async () => {
    const { unit, cm } = await setup();
    const clientId = "journal-42/abc";
    const res = await api<{ id: string }>("POST", "/patients", {
      token: cm.token,
      headers: { "x-request-id": clientId },
      body: { personnummer: uniquePersonnummer(), givenName: "A", familyName: "B", unitId: unit.id },
    });
    expect(res.status).toBe(201);
    const [row] = await accessRows({ userId: cm.user.id });
    expect(row).toMatchObject({ apiTokenId: cm.tokenId, sessionId: null, clientRequestId: clientId });
    expect(row!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(row!.requestId).not.toBe(clientId);
    // A UUID sent by the client is the client's too, never the server's id.
    const forged = "00000000-0000-4000-8000-000000000042";
    await api("GET", `/patients/${res.body.id}`, { token: cm.token, headers: { "x-request-id": forged } });
    const last = (await accessRows({ userId: cm.user.id })).at(-1)!;
    expect(last).toMatchObject({ clientRequestId: forged });
    expect(last.requestId).not.toBe(forged);
  });
});
