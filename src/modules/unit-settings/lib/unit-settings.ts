import "server-only";
// The verksamhetschef's "Inställningar" for one unit: its details, and its
// rule settings as versions (a change is a new version valid from a day, so
// an evaluation as of an earlier day keeps its numbers). Reading the page
// reads no patient data; the preview evaluates the unit's open episodes and
// answers with counts only, logged like a report; every change is logged.
import type { DbTx } from "@/lib/db/client";
import { fromDbDate, toDbDate, todayInStockholm } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { staffNames } from "@/modules/auth/lib/staff-names";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import type { RuleSettings } from "@/modules/clinical/rules/settings";
import {
  DEFAULT_UNIT_SETTINGS,
  loadFacts,
  loadUnitSettings,
  settingsColumns,
  toUnitSettings,
} from "@/modules/episodes/lib/facts";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { versionInForce } from "@/modules/clinical/rules/settings-version";
import {
  changedKeys,
  compareFlags,
  validFromRefusal,
  type FlagPreview,
  type UnitSettingsValues,
} from "../rules/settings-change";
import type { TUnitDetails } from "../schemas";

const FORBIDDEN = "Enhetens inställningar ändras av verksamhetschefen.";

/** The unit's details, the settings in force today, what is planned, and every version made. */
export const getUnitSettingsPage = ({
  actor,
  unitId,
  today = todayInStockholm(),
}: {
  actor: UseCaseActor;
  unitId: string;
  today?: LocalDate;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "READ", target: "unit-settings" },
      // Settings and unit details are no patient data: a read is not logged.
      access: () => [],
    },
    async (db) => {
      const unit = await db.unit.findUniqueOrThrow({
        where: { id: unitId },
        select: { id: true, name: true, phone: true, address: true },
      });
      const rows = await db.unitSettings.findMany({
        where: { unitId },
        // Newest first, in the order that decides which version is in force.
        orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      });
      const names = await staffNames(
        db,
        rows.map((r) => r.createdById),
      );
      const versions = rows.map((r) => ({
        id: r.id,
        validFrom: fromDbDate(r.validFrom),
        createdAt: r.createdAt,
        createdBy: r.createdById ? (names.get(r.createdById) ?? "Okänd användare") : null,
        values: toUnitSettings(r),
      }));
      const current = versionInForce(versions, today);
      // Each version with what it changed against the one before it: the next in this order.
      const history = versions.map((v, i) => {
        return {
          ...v,
          changed: changedKeys(versions[i + 1]?.values ?? DEFAULT_UNIT_SETTINGS, v.values),
          state:
            v === current
              ? ("current" as const)
              : v.validFrom > today
                ? ("planned" as const)
                : ("past" as const),
        };
      });
      return {
        unit,
        today,
        current: current?.values ?? DEFAULT_UNIT_SETTINGS,
        history,
      };
    },
  );

export type UnitSettingsPage = Awaited<ReturnType<typeof getUnitSettingsPage>>;

/** Each open episode's open flag codes as of `asOf`, under the given rules. */
async function openFlagCodes(db: DbTx, unitId: string, asOf: LocalDate, rules: RuleSettings[]) {
  const episodes = await db.episode.findMany({
    where: { closedDate: null, patient: { unitId } },
    select: { id: true, startDate: true },
  });
  const facts = await loadFacts(db, episodes, asOf);
  return episodes.map((e) =>
    rules.map((r) =>
      evaluateEpisode(facts.get(e.id)!, asOf, r, { withSince: false }).flags.map((f) => f.code),
    ),
  );
}

/**
 * How many of today's open episodes would get other flags if `proposed` were
 * in force today, and each flag's count before and after: counts only, no
 * patient. Logged as one read of the unit (it evaluates patient data).
 */
export const previewSettings = ({
  actor,
  unitId,
  proposed,
  today = todayInStockholm(),
}: {
  actor: UseCaseActor;
  unitId: string;
  proposed: UnitSettingsValues;
  today?: LocalDate;
}): Promise<FlagPreview> =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "READ", target: "unit-settings:preview" },
      access: () => [{ action: "READ", unitId, target: `unit-settings:preview:${today}` }],
    },
    async (db) => {
      const current = (await loadUnitSettings(db, [unitId], today)).get(unitId)!;
      const codes = await openFlagCodes(db, unitId, today, [current.rules, proposed.rules]);
      return compareFlags(codes.map(([before, after]) => ({ before: before!, after: after! })));
    },
  );

/** Stores a new version of the unit's settings, valid from `validFrom` (today or later). */
export const changeUnitSettings = ({
  actor,
  unitId,
  validFrom,
  values,
  today = todayInStockholm(),
}: {
  actor: UseCaseActor;
  unitId: string;
  validFrom: LocalDate;
  values: UnitSettingsValues;
  today?: LocalDate;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "UPDATE", target: "unit-settings" },
      access: (v: { id: string }) => [
        { action: "UPDATE", unitId, target: `unit-settings:${v.id}:from:${validFrom}` },
      ],
      transaction: true,
    },
    async (db) => {
      const refusal = validFromRefusal(validFrom, today);
      if (refusal)
        throw new AppError("INVALID_INPUT", {
          userMessage: "Kontrollera de markerade fälten.",
          fieldErrors: { validFrom: [refusal] },
          about: { patientId: null, unitId },
        });
      const inForce = (await loadUnitSettings(db, [unitId], validFrom)).get(unitId)!;
      if (changedKeys(inForce, values).length === 0)
        throw new AppError("UNPROCESSABLE", {
          userMessage: `Inget ändrades: samma värden gäller redan ${validFrom}.`,
          about: { patientId: null, unitId },
        });
      return db.unitSettings.create({
        data: {
          unitId,
          validFrom: toDbDate(validFrom),
          createdById: actor.userId,
          ...settingsColumns(values),
        },
        select: { id: true, validFrom: true },
      });
    },
  );

/** The unit's name, telephone and address (the patient's pages show the phone). */
export const updateUnitDetails = ({
  actor,
  unitId,
  details,
}: {
  actor: UseCaseActor;
  unitId: string;
  details: TUnitDetails;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "UPDATE", target: "unit" },
      access: () => [{ action: "UPDATE", unitId, target: `unit:${unitId}:details` }],
      transaction: true,
      onUniqueViolation: async () =>
        new AppError("CONFLICT", {
          userMessage: "Det finns redan en enhet med det namnet.",
          fieldErrors: { name: ["Det finns redan en enhet med det namnet."] },
          about: { patientId: null, unitId },
        }),
    },
    async (db) =>
      db.unit.update({
        where: { id: unitId },
        data: { name: details.name, phone: details.phone ?? null, address: details.address ?? null },
        select: { id: true },
      }),
  );
