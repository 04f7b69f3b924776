// Prisma errors the data layer translates into AppErrors. With adapter-pg a
// unique violation reports database column names, not Prisma field names, so
// callers re-query instead of reading `meta.target`.
import { Prisma } from "@/generated/prisma/client";

export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
