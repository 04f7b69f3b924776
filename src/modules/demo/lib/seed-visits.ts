// Demo consultant visits: at each demo unit one planned visit with its agenda
// (the review list as of its date), and at the first unit one held visit with
// recommendations, one of them not yet read by the GP.
import type { PrismaClient } from "@/generated/prisma/client";
import { toDbDate } from "@/lib/dates";
import { addDays, stockholmMidnight, type LocalDate } from "@/lib/local-date";
import { computeReviewList } from "@/modules/review/lib/review-list";

const ADVICE = [
  "Höj sertralin till 100 mg och följ upp om fyra veckor. KBT-gruppen på vårdcentralen erbjuds.",
  "Fortsätt som nu; sömnråd och beteendeaktivering. Ny genomgång vid nästa besök om ingen förbättring.",
  "Remiss till specialistpsykiatrin övervägs om ingen förbättring inom sex veckor. Suicidriskbedömning vid varje kontakt.",
];

export async function seedDemoVisits(
  prisma: PrismaClient,
  today: LocalDate,
  unitNames: readonly string[],
): Promise<number> {
  const units = await prisma.unit.findMany({ where: { name: { in: [...unitNames] } } });
  if ((await prisma.visit.count({ where: { unitId: { in: units.map((u) => u.id) } } })) > 0) return 0;
  const psychiatrist = await prisma.user.findFirstOrThrow({ where: { username: "psykiater" } });
  let made = 0;
  for (const unitName of unitNames) {
    const unit = units.find((u) => u.name === unitName)!;
    const date = addDays(today, 9);
    const list = await computeReviewList(prisma, [unit.id], date, false);
    await prisma.visit.create({
      data: {
        unitId: unit.id,
        date: toDbDate(date),
        psychiatristId: psychiatrist.id,
        items: { create: list.items.map((i, position) => ({ episodeId: i.episodeId, position })) },
      },
    });
    made++;
  }

  // A visit held three weeks ago at the first unit, with a recommendation for its first three patients.
  const unit = units.find((u) => u.name === unitNames[0])!;
  const held = addDays(today, -21);
  const list = (await computeReviewList(prisma, [unit.id], held, false)).items.slice(0, 3);
  const visit = await prisma.visit.create({
    data: {
      unitId: unit.id,
      date: toDbDate(held),
      psychiatristId: psychiatrist.id,
      createdAt: stockholmMidnight(addDays(held, -7)),
    },
  });
  for (const [position, item] of list.entries()) {
    const episode = await prisma.episode.findUniqueOrThrow({ where: { id: item.episodeId } });
    const at = new Date(stockholmMidnight(held).getTime() + (13 + position) * 3_600_000);
    const readAt = new Date(at.getTime() + 86_400_000);
    // The GP has read the first two; the last waits on the GP's start page.
    const receipts = [
      ...(episode.gpId
        ? [{ userId: episode.gpId, role: "ALLMANLAKARE" as const, readAt: position < 2 ? readAt : null }]
        : []),
      ...(episode.careManagerId
        ? [{ userId: episode.careManagerId, role: "VARDSAMORDNARE" as const, readAt }]
        : []),
    ];
    const recommendation = await prisma.recommendation.create({
      data: {
        episodeId: episode.id,
        text: ADVICE[position]!,
        handledCodes: [],
        authorId: psychiatrist.id,
        createdAt: at,
        receipts: { create: receipts },
      },
    });
    await prisma.visitItem.create({
      data: { visitId: visit.id, episodeId: episode.id, position, recommendationId: recommendation.id },
    });
  }
  return made + 1;
}
