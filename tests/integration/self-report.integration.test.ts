// The patient's self-report by link (domain.md "Self-report by link", issue
// 10): the staff create and revoke links, the patient answers through the
// token alone, and the answer counts for scores and flags but not for silence.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { clientKey, rateLimit } from "@/lib/rate-limit";
import { createSelfReportLink } from "@/modules/self-report/lib/links";
import { openSelfReportLink, submitSelfReport } from "@/modules/self-report/lib/answer";
import { api } from "../support/api";
import { createTestUnit, createTokenUser } from "../support/factories";
import { createEpisodeScenario } from "../support/scenario";
import { actorOf } from "../support/factories";

const LIVSLUST_5 = [3, 3, 2, 2, 3, 3, 2, 3, 5];
const tokenOf = (url: string) => url.split("/svar/")[1]!;

async function team() {
  const unit = await createTestUnit();
  await systemDb().unit.update({ where: { id: unit.id }, data: { phone: "031-123 45 67" } });
  const cm = await createTokenUser({ role: "VARDSAMORDNARE", unitIds: [unit.id] });
  const gp = await createTokenUser({ role: "ALLMANLAKARE", unitIds: [unit.id] });
  const s = await createEpisodeScenario({
    unitId: unit.id,
    careManagerId: cm.user.id,
    gpId: gp.user.id,
    startDaysAgo: 10,
    scores: [{ day: 0, total: 26 }],
  });
  return { unit, cm, gp, s };
}

const newLink = async (token: string, episodeId: string) =>
  api<{ id: string; url: string; expiresAt: string; replaced: number }>(
    "POST",
    `/episodes/${episodeId}/self-report-links`,
    { token },
  );

describe("a self-report link", () => {
  it("takes the patient's answers once: stored as an unverified SELF_REPORT, SAFETY_RISK at once, then 410", async () => {
    const { unit, cm, gp, s } = await team();
    const before = Date.now();
    const created = await newLink(cm.token, s.episode.id);
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^https?:\/\/[^/]+\/svar\/[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(created.body.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const token = tokenOf(created.body.url);
    // Only the hash is stored.
    const stored = await systemDb().selfReportLink.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const answered = await api<{ id: string; madrsSTotal: number; urgentHelp: boolean; unit: object }>(
      "POST",
      `/self-reports/${token}`,
      { body: { madrsS: LIVSLUST_5 } },
    );
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({
      madrsSTotal: 26,
      urgentHelp: true,
      unit: { phone: "031-123 45 67" },
    });

    const contact = await systemDb().contact.findUniqueOrThrow({ where: { id: answered.body.id } });
    expect(contact).toMatchObject({
      type: "SELF_REPORT",
      authorId: null,
      reached: false,
      counterpart: "PATIENT",
      item9: 5,
      madrsTotal: 26,
      selfReportLinkId: created.body.id,
    });
    // The access log names the link, not a user.
    const logged = await systemDb().accessLog.findMany({ where: { selfReportLinkId: created.body.id } });
    expect(logged.map((r) => [r.action, r.userId, r.username, r.patientId, r.unitId, r.refusal])).toEqual([
      ["CREATE", null, null, s.patient.id, unit.id, null],
    ]);

    // The GP's list has SAFETY_RISK now, not after the next call.
    const episode = await api<{
      flags: { code: string }[];
      contacts: { type: string; authorId: string | null }[];
    }>("GET", `/episodes/${s.episode.id}`, { token: gp.token });
    expect(episode.body.flags.map((f) => f.code)).toContain("SAFETY_RISK");

    const again = await api<{ state: string; unit: { name: string; phone: string } }>(
      "POST",
      `/self-reports/${token}`,
      { body: { madrsS: LIVSLUST_5 } },
    );
    expect(again.status).toBe(410);
    // Just after the answer (a refresh, a second tap), where to get help comes first again.
    expect(again.body).toMatchObject({
      state: "used",
      unit: { name: unit.name, phone: "031-123 45 67" },
      recentUrgent: true,
    });
    expect(await systemDb().contact.count({ where: { episodeId: s.episode.id, type: "SELF_REPORT" } })).toBe(
      1,
    );
    const refused = await systemDb().accessLog.findMany({
      where: { selfReportLinkId: created.body.id, refusal: { not: null } },
    });
    expect(refused.map((r) => [r.action, r.refusal, r.patientId])).toEqual([
      ["CREATE", "GONE", s.patient.id],
    ]);

    // Revoking a used link is refused: the patient has answered.
    expect((await api("DELETE", `/self-report-links/${created.body.id}`, { token: cm.token })).status).toBe(
      409,
    );
  });

  it("answers 410 after revocation and after expiry (time injected), 404 for an unknown token", async () => {
    const { cm, s } = await team();
    const first = await newLink(cm.token, s.episode.id);
    const revoked = await api<{ id: string }>("DELETE", `/self-report-links/${first.body.id}`, {
      token: cm.token,
    });
    expect(revoked.status).toBe(200);
    const afterRevoke = await api<{ state: string }>("POST", `/self-reports/${tokenOf(first.body.url)}`, {
      body: { madrsS: LIVSLUST_5 },
    });
    expect([afterRevoke.status, afterRevoke.body.state]).toEqual([410, "revoked"]);

    // A link made eight days ago has expired (the unit's default is seven days).
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const old = await createSelfReportLink({
      actor: actorOf(cm.user),
      episodeId: s.episode.id,
      now: eightDaysAgo,
    });
    const expired = await api<{ state: string }>("POST", `/self-reports/${tokenOf(old.url)}`, {
      body: { madrsS: LIVSLUST_5 },
    });
    expect([expired.status, expired.body.state]).toEqual([410, "expired"]);
    // … and a millisecond before its expiry it was still open.
    expect(
      (await openSelfReportLink({ token: tokenOf(old.url), now: new Date(Date.parse(old.expiresAt) - 1) }))
        .state,
    ).toBe("open");

    const unknown = await api("POST", `/self-reports/${"x".repeat(43)}`, { body: { madrsS: LIVSLUST_5 } });
    expect(unknown.status).toBe(404);
    const malformed = await api("POST", "/self-reports/short", { body: { madrsS: LIVSLUST_5 } });
    expect(malformed.status).toBe(404);
  });

  it("refuses a bad score with 400 and keeps the link open", async () => {
    const { cm, s } = await team();
    const link = await newLink(cm.token, s.episode.id);
    const token = tokenOf(link.body.url);
    for (const madrsS of [[1, 2, 3], [0, 0, 0, 0, 0, 0, 0, 0, 7], [0, 0, 0, 0, 0, 0, 0, 0, 1.5], "nio"]) {
      const res = await api("POST", `/self-reports/${token}`, { body: { madrsS } });
      expect(res.status).toBe(400);
    }
    expect(
      (await api("POST", `/self-reports/${token}`, { body: { madrsS: [0, 0, 0, 0, 0, 0, 0, 0, 0] } })).status,
    ).toBe(201);
  });

  it("keeps at most one open link per episode: a new one replaces the open one", async () => {
    const { cm, s } = await team();
    const first = await newLink(cm.token, s.episode.id);
    const second = await newLink(cm.token, s.episode.id);
    expect([first.body.replaced, second.body.replaced]).toEqual([0, 1]);
    const replaced = await api<{ state: string }>("POST", `/self-reports/${tokenOf(first.body.url)}`, {
      body: { madrsS: LIVSLUST_5 },
    });
    expect([replaced.status, replaced.body.state]).toEqual([410, "revoked"]);
    // The database holds it too: a second open link for the episode is refused.
    await expect(
      systemDb().selfReportLink.create({
        data: {
          episodeId: s.episode.id,
          tokenHash: "another",
          createdById: cm.user.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      }),
    ).rejects.toThrow();
  });

  it("is refused for a closed episode (422), and a link of an episode closed since answers 410", async () => {
    const { cm, s } = await team();
    const link = await newLink(cm.token, s.episode.id);
    await systemDb().episode.update({
      where: { id: s.episode.id },
      data: { status: "DEACTIVATED", closedDate: new Date() },
    });
    const answered = await api<{ state: string }>("POST", `/self-reports/${tokenOf(link.body.url)}`, {
      body: { madrsS: LIVSLUST_5 },
    });
    // Told as a withdrawn link: whoever holds it learns nothing of the care.
    expect([answered.status, answered.body.state]).toEqual([410, "revoked"]);
    expect((await newLink(cm.token, s.episode.id)).status).toBe(422);
  });

  it("is refused before the episode's start (422): an answer is never dated before it", async () => {
    const unit = await createTestUnit();
    const cm = await createTokenUser({ role: "VARDSAMORDNARE", unitIds: [unit.id] });
    const s = await createEpisodeScenario({ unitId: unit.id, careManagerId: cm.user.id, startDaysAgo: -3 });
    const refused = await newLink(cm.token, s.episode.id);
    expect(refused.status).toBe(422);
  });

  it("lets the following call refer to the self-report instead of storing the score twice", async () => {
    const { cm, s } = await team();
    const link = await newLink(cm.token, s.episode.id);
    const report = await submitSelfReport({
      token: tokenOf(link.body.url),
      items: [2, 2, 2, 2, 2, 2, 2, 2, 1],
    });
    const today = report.date;
    const call = (body: object) =>
      api<{ selfReportId: string | null; madrsSTotal: number | null }>(
        "POST",
        `/episodes/${s.episode.id}/contacts`,
        { token: cm.token, body: { date: today, type: "PHONE", reached: true, ...body } },
      );
    expect((await call({ selfReportId: report.id, madrsS: [1, 1, 1, 1, 1, 1, 1, 1, 1] })).status).toBe(400);
    const referred = await call({ selfReportId: report.id });
    expect(referred.status).toBe(201);
    expect(referred.body).toMatchObject({ selfReportId: report.id, madrsSTotal: null });
    // Only one call may refer to it.
    expect((await call({ selfReportId: report.id })).status).toBe(422);
    // Not another episode's report, nor an ordinary contact.
    expect((await call({ selfReportId: s.episode.id })).status).toBe(422);
    // Only "the following call": after a conversation, an older self-report no longer waits.
    const link2 = await newLink(cm.token, s.episode.id);
    const second = await submitSelfReport({
      token: tokenOf(link2.body.url),
      items: [1, 1, 1, 1, 1, 1, 1, 1, 1],
    });
    expect((await call({})).status).toBe(201);
    expect((await call({ selfReportId: second.id })).status).toBe(422);
  });

  it("is rate-limited per key: the request over the limit gets 429 with Retry-After", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const now = new Date("2026-12-04T10:03:00Z");
    await rateLimit(key, { limit: 2, windowSeconds: 600, now });
    await rateLimit(key, { limit: 2, windowSeconds: 600, now });
    const third = rateLimit(key, { limit: 2, windowSeconds: 600, now }).catch((e: unknown) => e);
    const error = (await third) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect([error.status, error.details?.retryAfter]).toEqual([429, 420]);
    // The next window starts afresh.
    await rateLimit(key, { limit: 2, windowSeconds: 600, now: new Date("2026-12-04T10:10:00Z") });
  });
});

describe("the rate limit's client key", () => {
  const key = (xff: string | null, trustedHops: number) =>
    clientKey(new Headers(xff === null ? {} : { "x-forwarded-for": xff }), { trustedHops, secret: "s" });

  it("trusts only what the trusted proxies appended", () => {
    // One proxy: the last entry is the client; what the client put before it changes nothing.
    expect(key("6.6.6.6, 2.2.2.2", 1)).toBe(key("9.9.9.9, 2.2.2.2", 1));
    expect(key("2.2.2.2", 1)).not.toBe(key("2.2.2.3", 1));
    // Two proxies (a public host, then a TLS proxy): the second from the right.
    expect(key("6.6.6.6, 1.1.1.1, 10.0.0.1", 2)).toBe(key("1.1.1.1, 10.0.0.9", 2));
    expect(key("1.1.1.1, 10.0.0.1", 2)).not.toBe(key("1.1.1.2, 10.0.0.1", 2));
    // Fewer entries than proxies: not a client address at all.
    expect(key(null, 1)).toBe(key("", 1));
  });

  it("without a trusted proxy the connection's peer is the client, and X-Forwarded-For is ignored", () => {
    process.env.SAMVARD_PEER_HEADER = "1";
    const peer = (address: string | null, xff: string) =>
      clientKey(new Headers({ ...(address ? { "x-samvard-peer": address } : {}), "x-forwarded-for": xff }), {
        trustedHops: 0,
        secret: "s",
      });
    expect(peer("10.1.1.1", "1.1.1.1")).toBe(peer("10.1.1.1", "2.2.2.2"));
    expect(peer("10.1.1.1", "1.1.1.1")).not.toBe(peer("10.1.1.2", "1.1.1.1"));
    expect(new Set([key("1.1.1.1", 0), key(null, 0), peer(null, "x")])).toEqual(new Set(["all"]));
    // Outside our own server (next dev) the header could be the client's: not trusted.
    delete process.env.SAMVARD_PEER_HEADER;
    expect(peer("10.1.1.1", "x")).toBe("all");
  });

  it("stores no address: the key is keyed with the server's secret", () => {
    const a = clientKey(new Headers({ "x-forwarded-for": "1.1.1.1" }), { trustedHops: 1, secret: "a" });
    const b = clientKey(new Headers({ "x-forwarded-for": "1.1.1.1" }), { trustedHops: 1, secret: "b" });
    expect(a).not.toBe(b);
    expect(a).not.toContain("1.1.1.1");
  });
});
