// The research export's pseudonyms and derived fields: what a researcher gets
// instead of an identity. Pure (a keyed hash is deterministic).
import { createHmac } from "node:crypto";
import { daysBetween, type LocalDate } from "@/lib/local-date";

/**
 * The person's pseudonym: HMAC-SHA256 with the export key over the stored,
 * normalised 12-digit identity number. The same person gets the same pseudonym
 * in every unit and every export made with the same key; a changed identity
 * number (a samordningsnummer replaced by a personnummer) starts a new one.
 */
export const personPseudonym = (key: string, identity: string): string =>
  createHmac("sha256", key).update(`person:${identity}`).digest("hex");

/** An episode's key in the export: links its contacts to it, and is no database id. */
export const episodeKey = (key: string, episodeId: string): string =>
  createHmac("sha256", key).update(`episode:${episodeId}`).digest("hex").slice(0, 20);

/** "K" or "M" from the identity number's second-to-last digit (even: kvinna, odd: man), as Skatteverket assigns it. */
export const sexOf = (identity: string): "K" | "M" => (Number(identity.charAt(10)) % 2 === 0 ? "K" : "M");

/** The birth date in an identity number (a samordningsnummer's day is 60 more). */
export function birthDate(identity: string): LocalDate {
  const day = Number(identity.slice(6, 8));
  return `${identity.slice(0, 4)}-${identity.slice(4, 6)}-${String(day > 60 ? day - 60 : day).padStart(2, "0")}`;
}

export const AGE_BANDS = ["<18", "18–24", "25–34", "35–44", "45–54", "55–64", "65–74", "75+"] as const;

/** Age in whole years on `date`, as a band (no exact age, no birth date leaves the export). */
export function ageBand(identity: string, date: LocalDate): (typeof AGE_BANDS)[number] {
  const born = birthDate(identity);
  let age = Number(date.slice(0, 4)) - Number(born.slice(0, 4));
  if (date.slice(5) < born.slice(5)) age -= 1;
  if (age < 18) return "<18";
  if (age < 25) return "18–24";
  if (age >= 75) return "75+";
  const low = Math.floor((age - 25) / 10) * 10 + 25;
  return `${low}–${low + 9}` as (typeof AGE_BANDS)[number];
}

/** A date as days since the episode's start (the export's only dates, besides the start month). */
export const dayOf = (start: LocalDate, date: LocalDate): number => daysBetween(start, date);
