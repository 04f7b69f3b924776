import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZPatientWithEpisodes } from "@/modules/patients/schemas";

export const getPatientContract = defineContract({
  method: "GET",
  path: "/patients/{id}",
  summary: "A patient with their episodes",
  params: z.object({ id: ZPathId }),
  response: { status: 200, description: "The patient", schema: ZPatientWithEpisodes },
  errors: [403, 404],
});
