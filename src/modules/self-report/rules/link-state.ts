// Where a self-report link stands, as of an instant. Pure: the public page,
// the API and the patient page all ask this one function.

/** A link's token: 256 random bits, base64url, 43 characters. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type LinkFacts = {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  /** The episode is open (ACTIVE or RELAPSE_PREVENTION) and has begun. */
  episodeOpen: boolean;
};

/** `open` accepts answers; every other state answers 410 and says why, kindly. */
export type LinkState = "open" | "used" | "revoked" | "expired" | "closed";

export function linkState(link: LinkFacts, now: Date): LinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  if (!link.episodeOpen) return "closed";
  // The expiry instant itself is already past: "valid for 7 days" means before it.
  if (now.getTime() >= link.expiresAt.getTime()) return "expired";
  return "open";
}

/** What the patient is told when the link no longer takes answers (no detail about the care itself). */
export const GONE_MESSAGE: Record<Exclude<LinkState, "open">, string> = {
  used: "Svaren på den här länken är redan skickade. Varje länk kan bara användas en gång.",
  revoked: "Länken gäller inte längre: vårdcentralen har tagit tillbaka den.",
  expired: "Länken gäller inte längre: tiden för att svara har gått ut.",
  closed: "Länken gäller inte längre.",
};
