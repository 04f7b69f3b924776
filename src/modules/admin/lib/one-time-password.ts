import "server-only";
import { randomInt } from "node:crypto";

// No look-alikes (0/O, 1/l/I): the password is read off a screen and typed.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password: 4 groups of 4 from 55 signs (about 92 bits), e.g. "k7Qm-2xPa-…". */
export function oneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}
