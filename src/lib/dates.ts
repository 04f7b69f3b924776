// Local dates (Europe/Stockholm) in and out of the database: PostgreSQL `date`
// columns come back from Prisma as UTC midnight.
import { stockholmDate, type LocalDate } from "@/lib/local-date";
import { now } from "./clock";

export const toDbDate = (date: LocalDate): Date => new Date(`${date}T00:00:00.000Z`);
export const fromDbDate = (date: Date): LocalDate => date.toISOString().slice(0, 10);
export const todayInStockholm = (): LocalDate => stockholmDate(now());
