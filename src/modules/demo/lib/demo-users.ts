// The demo's units, users and password: plain data, importable anywhere
// (the e2e tests log in with them) without the seed's database code.
import type { Role } from "@/generated/prisma/enums";

export const DEMO_PASSWORD = "samvard-demo";
export const DEMO_UNITS = ["Vårdcentralen Kungshöjd", "Vårdcentralen Bergsjön"] as const;

export const DEMO_USERS: { username: string; displayName: string; role: Role; units: (0 | 1)[] }[] = [
  { username: "samordnare1", displayName: "Anna Lindqvist", role: "VARDSAMORDNARE", units: [0] },
  { username: "lakare1", displayName: "Erik Johansson", role: "ALLMANLAKARE", units: [0] },
  { username: "chef1", displayName: "Maria Berg", role: "VERKSAMHETSCHEF", units: [0] },
  { username: "samordnare2", displayName: "Sara Ahmadi", role: "VARDSAMORDNARE", units: [1] },
  { username: "lakare2", displayName: "Johan Nilsson", role: "ALLMANLAKARE", units: [1] },
  { username: "psykiater", displayName: "Karin Holm", role: "PSYKIATER", units: [0, 1] },
];
