-- CreateEnum
CREATE TYPE "AccessRefusal" AS ENUM ('NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UNPROCESSABLE');

-- AlterEnum
ALTER TYPE "AccessAction" ADD VALUE 'API_TOKEN_CREATED';
ALTER TYPE "AccessAction" ADD VALUE 'API_TOKEN_REVOKED';

-- AlterTable
ALTER TABLE "access_log" ADD COLUMN     "api_token_id" UUID,
ADD COLUMN     "client_request_id" TEXT,
ADD COLUMN     "refusal" "AccessRefusal",
ADD COLUMN     "session_id" UUID;

-- A row names the session or the API token behind it, never both.
ALTER TABLE "access_log" ADD CONSTRAINT access_log_one_credential
  CHECK (session_id IS NULL OR api_token_id IS NULL);

-- AlterTable: tokens expire. Existing ones get the default 90 days from their creation.
ALTER TABLE "api_token" ADD COLUMN     "expires_at" TIMESTAMPTZ(3);
UPDATE "api_token" SET "expires_at" = "created_at" + interval '90 days';
ALTER TABLE "api_token" ALTER COLUMN "expires_at" SET NOT NULL;
ALTER TABLE "api_token" ADD CONSTRAINT api_token_expires_after_creation CHECK (expires_at > created_at);
