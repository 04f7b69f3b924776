-- Unit details the patient-facing pages show.
ALTER TABLE "unit" ADD COLUMN "address" TEXT,
ADD COLUMN "phone" TEXT;

-- The person's HSA-id for a regional login.
ALTER TABLE "app_user" ADD COLUMN "hsa_id" TEXT;
CREATE UNIQUE INDEX "app_user_hsa_id_key" ON "app_user"("hsa_id");

-- Versioned rule settings (hand-edited): each unit's one row becomes its first
-- version, valid from 2000-01-01 so every past evaluation keeps its numbers.
-- A change is a new row; the app never updates or deletes one.
ALTER TABLE "unit_settings" DROP CONSTRAINT "unit_settings_pkey",
DROP COLUMN "updated_at",
ADD COLUMN "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN "created_by_id" UUID,
ADD COLUMN "id" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD COLUMN "valid_from" DATE NOT NULL DEFAULT DATE '2000-01-01';
ALTER TABLE "unit_settings" ALTER COLUMN "id" DROP DEFAULT,
ALTER COLUMN "valid_from" DROP DEFAULT,
ADD CONSTRAINT "unit_settings_pkey" PRIMARY KEY ("id");
CREATE INDEX "unit_settings_unit_id_valid_from_idx" ON "unit_settings"("unit_id", "valid_from");

-- Documented log reviews.
CREATE TYPE "LogReviewOutcome" AS ENUM ('OK', 'FOLLOW_UP');

CREATE TABLE "log_review" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "access_log_id" BIGINT NOT NULL,
    "access_at" TIMESTAMPTZ(3) NOT NULL,
    "subject_user_id" UUID,
    "patient_id" UUID,
    "reasons" TEXT[],
    "outcome" "LogReviewOutcome" NOT NULL,
    "comment" TEXT,
    "reviewer_id" UUID NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "log_review_pkey" PRIMARY KEY ("id"),
    -- "Needs follow-up" says what: a comment is required.
    CONSTRAINT "log_review_follow_up_comment" CHECK ("outcome" = 'OK' OR length(btrim("comment")) > 0)
);
CREATE INDEX "log_review_unit_id_reviewed_at_idx" ON "log_review"("unit_id", "reviewed_at");
CREATE UNIQUE INDEX "log_review_access_log_id_access_at_key" ON "log_review"("access_log_id", "access_at");
