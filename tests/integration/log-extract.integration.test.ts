// The patient's log extract against a real PostgreSQL: every carried-out
// access in the verksamhetschef's units in the period, by name and role, in
// neutral words; a PDF on A4 and a CSV; each request logged for the patient.
import { describe, expect, it } from "vitest";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { getLogExtract } from "@/modules/access-review/lib/log-extract";
import { logExtractPdf } from "@/modules/access-review/lib/log-extract-pdf";
import { logExtractCsv } from "@/modules/access-review/rules/log-extract-csv";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";
import { getPatientRecord } from "@/modules/episodes/lib/get-patient-record";
import { handleFlag } from "@/modules/flags/lib/handle-flag";
import { accessRows, actorOf, createTestUser } from "../support/factories";
import { pdfPages } from "../support/pdf-text";
import { createTeam, nonResponderWithQuestion } from "../support/scenario";

const today = todayInStockholm();

describe("the patient's log extract", () => {
  it("lists who accessed the patient, with unit, name and role, never a flag or a score; a PDF and a CSV", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    await getPatientRecord({ actor: t.cm, episodeId: s.episode.id, asOf: today });
    await handleFlag({
      actor: t.gp,
      episodeId: s.episode.id,
      code: "SAFETY_RISK",
      note: "Bedömd, ingen akut risk.",
      decision: "RISK_ASSESSMENT_DONE",
    });
    const stranger = actorOf(await createTestUser({ role: "PSYKIATER" }));
    await getPatientRecord({ actor: stranger, episodeId: s.episode.id, asOf: today }).catch(() => null);

    const extract = await getLogExtract({
      actor: t.vc,
      patientIds: [s.patient.id],
      from: addDays(today, -7),
      to: today,
      format: "pdf",
    });
    expect(extract.rows.map((r) => [r.user, r.role, r.action, r.what])).toEqual([
      [t.cm.displayName, "VARDSAMORDNARE", "READ", "insats"],
      [t.gp.displayName, "ALLMANLAKARE", "UPDATE", "flagghantering"],
    ]);
    expect(extract.rows.every((r) => r.unit.startsWith("Vårdcentralen Test"))).toBe(true);

    const pages = await pdfPages(
      new Uint8Array(
        await logExtractPdf(extract, { producedBy: "Maria Berg, Verksamhetschef", producedAt: new Date() }),
      ),
    );
    const text = pages.join("\n");
    // A long name may wrap onto two lines of its cell: compare without the spaces.
    const squeezed = text.replace(/\s+/g, "");
    const inPdf = (s: string) => expect(squeezed).toContain(s.replace(/\s+/g, ""));
    expect(text).toContain("Logglista");
    inPdf(`${s.patient.familyName}, ${s.patient.givenName}`);
    inPdf(t.cm.displayName);
    expect(text).toContain("Vårdsamordnare");
    expect(text).toContain("Ändring: flagghantering");
    expect(text).toContain("Sida 1 av 1");
    const csv = logExtractCsv({
      ...extract,
      rows: extract.rows.map((r) => ({ ...r, time: r.at.toISOString() })),
    });
    expect(csv).toContain(`${t.gp.displayName};Allmänläkare;Ändring;flagghantering`);
    for (const file of [text, csv]) {
      for (const code of FLAG_CODES) expect(file).not.toContain(code);
      expect(file).not.toContain("Bedömd, ingen akut risk.");
      expect(file).not.toContain(stranger.displayName);
    }
    // The request is logged for the patient, with its period and format.
    expect((await accessRows({ userId: t.vc.userId })).map((r) => [r.action, r.patientId, r.target])).toEqual(
      [["EXPORT", s.patient.id, `log-extract:${addDays(today, -7)}..${today}:pdf`]],
    );
  });

  it("a long extract breaks onto numbered A4 pages with the header repeated", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 1, 8, i)),
      unit: "Vårdcentralen Kungshöjd",
      user: `Användare ${i}`,
      role: "VARDSAMORDNARE" as const,
      action: "READ" as const,
      what: "insats",
    }));
    const pages = await pdfPages(
      new Uint8Array(
        await logExtractPdf(
          {
            patients: [{ givenName: "Ida", familyName: "Test", personnummer: "199001011239" }],
            period: { from: "2026-11-01", to: "2026-11-30" },
            rows,
          },
          { producedBy: "Maria Berg", producedAt: new Date() },
        ),
      ),
    );
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) => {
      expect(p).toContain(`Sida ${i + 1} av ${pages.length}`);
      expect(p).toContain("Användare");
    });
    expect(pages.join(" ")).toContain("Användare 119");
  });

  it("a patient of another unit is not found, and the attempt is logged", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    const other = await createTeam();
    await expect(
      getLogExtract({ actor: other.vc, patientIds: [s.patient.id], from: today, to: today, format: "csv" }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await accessRows({ userId: other.vc.userId })).map((r) => [r.action, r.refusal])).toEqual([
      ["EXPORT", "NOT_FOUND"],
    ]);
  });
});
