// The demo's units, users and password: plain data, importable anywhere
// (the e2e tests log in with them) without the seed's database code.
import type { Role } from "@/generated/prisma/enums";

export const DEMO_PASSWORD = "samvard-demo";
export const DEMO_UNITS = ["Vårdcentralen Kungshöjd", "Vårdcentralen Bergsjön"] as const;

/** The demo units' details (fictional numbers in the range set aside for drama, 031-390 65 00–99). */
export const DEMO_UNIT_DETAILS: Record<(typeof DEMO_UNITS)[number], { phone: string; address: string }> = {
  "Vårdcentralen Kungshöjd": { phone: "031-390 65 10", address: "Kungsgatan 1\n411 19 Göteborg" },
  "Vårdcentralen Bergsjön": { phone: "031-390 65 20", address: "Rymdtorget 2\n415 06 Göteborg" },
};

export const DEMO_USERS: { username: string; displayName: string; role: Role; units: (0 | 1)[] }[] = [
  { username: "samordnare1", displayName: "Anna Lindqvist", role: "VARDSAMORDNARE", units: [0] },
  { username: "lakare1", displayName: "Erik Johansson", role: "ALLMANLAKARE", units: [0] },
  { username: "chef1", displayName: "Maria Berg", role: "VERKSAMHETSCHEF", units: [0] },
  { username: "samordnare2", displayName: "Sara Ahmadi", role: "VARDSAMORDNARE", units: [1] },
  { username: "lakare2", displayName: "Johan Nilsson", role: "ALLMANLAKARE", units: [1] },
  { username: "psykiater", displayName: "Karin Holm", role: "PSYKIATER", units: [0, 1] },
];
