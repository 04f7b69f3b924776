-- How a session's person proved who they are (a password, or the region's
-- OIDC identity provider) and when: creating an API token from an IdP login
-- needs a recent one.
ALTER TABLE "session" ADD COLUMN     "authenticated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "method" TEXT NOT NULL DEFAULT 'password';

-- Sessions opened before this column existed proved themselves when they were opened.
UPDATE "session" SET "authenticated_at" = "created_at";

ALTER TABLE "session" ADD CONSTRAINT "session_method_check" CHECK ("method" IN ('password', 'oidc'));
