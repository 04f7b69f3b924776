import type { Role } from "@/generated/prisma/enums";

/** Who performs a use case: a signed-in user or an API token's user. */
export type UseCaseActor = { userId: string; username: string; role: Role; unitIds: string[] };

/** domain.md's permission table. */
export const CLINICAL_READERS: readonly Role[] = ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"];
export const CLINICAL_WRITERS: readonly Role[] = ["VARDSAMORDNARE", "ALLMANLAKARE"];
