-- The patient's self-report by link (domain.md "Self-report by link"), the
-- early-improvement settings, and a rate limit for the public page.

-- AlterTable
ALTER TABLE "access_log" ADD COLUMN     "self_report_link_id" UUID;

-- AlterTable
ALTER TABLE "contact" ADD COLUMN     "self_report_id" UUID,
ADD COLUMN     "self_report_link_id" UUID,
ALTER COLUMN "author_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "unit_settings" ADD COLUMN     "early_improvement_from_day" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "early_improvement_percent" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "early_improvement_to_day" INTEGER NOT NULL DEFAULT 41,
ADD COLUMN     "self_report_link_days" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "self_report_link" (
    "id" UUID NOT NULL,
    "episode_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" UUID,

    CONSTRAINT "self_report_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "self_report_link_token_hash_key" ON "self_report_link"("token_hash");

-- CreateIndex
CREATE INDEX "self_report_link_episode_id_idx" ON "self_report_link"("episode_id");

-- CreateIndex
CREATE INDEX "rate_limit_window_start_idx" ON "rate_limit"("window_start");

-- CreateIndex
CREATE UNIQUE INDEX "contact_self_report_link_id_key" ON "contact"("self_report_link_id");

-- CreateIndex
CREATE UNIQUE INDEX "contact_self_report_id_key" ON "contact"("self_report_id");

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_self_report_link_id_fkey" FOREIGN KEY ("self_report_link_id") REFERENCES "self_report_link"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_self_report_id_fkey" FOREIGN KEY ("self_report_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_report_link" ADD CONSTRAINT "self_report_link_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what Prisma cannot say.

-- At most one open link per episode (used or revoked links are closed; an
-- expired one is revoked when a new one replaces it).
CREATE UNIQUE INDEX self_report_link_one_open ON self_report_link (episode_id)
  WHERE used_at IS NULL AND revoked_at IS NULL;
ALTER TABLE self_report_link
  ADD CONSTRAINT self_report_link_expires_after_creation CHECK (expires_at > created_at),
  ADD CONSTRAINT self_report_link_used_or_revoked CHECK (used_at IS NULL OR revoked_at IS NULL),
  ADD CONSTRAINT self_report_link_revoked_by CHECK (revoked_by_id IS NULL OR revoked_at IS NOT NULL);

-- A score is carried by a reached contact with the patient, or by the
-- patient's own self-report (which is not a conversation: reached = false).
ALTER TABLE contact DROP CONSTRAINT contact_madrs_only_reached_patient;
ALTER TABLE contact
  ADD CONSTRAINT contact_madrs_only_reached_patient CHECK (
    madrs_total IS NULL OR (reached AND counterpart = 'PATIENT') OR type = 'SELF_REPORT'),
  -- A self-report: the patient's answers through a link, no staff author, no
  -- call details; every other contact has its staff author and no link.
  ADD CONSTRAINT contact_self_report_shape CHECK (
    CASE WHEN type = 'SELF_REPORT' THEN
      author_id IS NULL AND self_report_link_id IS NOT NULL AND madrs_total IS NOT NULL
      AND NOT reached AND counterpart = 'PATIENT' AND self_report_id IS NULL
      AND sick_leave IS NULL AND duration_minutes IS NULL AND next_planned_date IS NULL
    ELSE
      author_id IS NOT NULL AND self_report_link_id IS NULL
    END),
  -- A call that refers to a self-report carries no score of its own (a score
  -- is never stored twice).
  ADD CONSTRAINT contact_refers_without_score CHECK (self_report_id IS NULL OR madrs_total IS NULL);

-- The access log's actor: a session, an API token or a self-report link, at
-- most one; a link's row names no user.
ALTER TABLE access_log DROP CONSTRAINT access_log_one_credential;
ALTER TABLE access_log
  ADD CONSTRAINT access_log_one_credential CHECK (
    num_nonnulls(session_id, api_token_id, self_report_link_id) <= 1),
  ADD CONSTRAINT access_log_link_is_no_user CHECK (
    self_report_link_id IS NULL OR (user_id IS NULL AND username IS NULL));

-- Settings: sensible bounds, like the other rule settings.
ALTER TABLE unit_settings
  ADD CONSTRAINT unit_settings_early_improvement CHECK (
    early_improvement_percent BETWEEN 1 AND 100
    AND early_improvement_from_day BETWEEN 0 AND early_improvement_to_day
    AND early_improvement_to_day <= 84),
  ADD CONSTRAINT unit_settings_self_report_link_days CHECK (self_report_link_days BETWEEN 1 AND 30);
