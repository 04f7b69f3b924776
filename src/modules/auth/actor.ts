import type { Role } from "@/generated/prisma/enums";

/** How a request proved who it is; every access-log row names it. */
export type Credential = { kind: "session"; sessionId: string } | { kind: "api-token"; tokenId: string };

/** Who performs a use case, and through which request. */
export type UseCaseActor = {
  userId: string;
  username: string;
  role: Role;
  unitIds: string[];
  credential: Credential;
  /** Made by the server for this request; never taken from the client. */
  requestId: string;
  /** The client's own x-request-id, kept apart so that a log review can tie it to the client's logs. */
  clientRequestId?: string | null;
};

/** A signed-in user (pages, actions) or a token's user (API), with what pages show of them. */
export type Actor = UseCaseActor & {
  displayName: string;
  units: { id: string; name: string }[];
  /** Signed in with a one-time password: only "Nytt lösenord" is open until it is replaced. */
  passwordChangeRequired?: boolean;
  /** How and when a signed-in user proved who they are (absent for an API token). */
  login?: { method: "password" | "oidc"; authenticatedAt: Date };
};
