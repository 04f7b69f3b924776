-- CreateEnum
CREATE TYPE "EpisodeStatus" AS ENUM ('ACTIVE', 'RELAPSE_PREVENTION', 'COMPLETED', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "ContactType" AS ENUM ('PHONE', 'IN_PERSON', 'VIDEO');

-- CreateEnum
CREATE TYPE "Counterpart" AS ENUM ('PATIENT', 'FORSAKRINGSKASSAN', 'SOCIALTJANST', 'ARBETSGIVARE', 'OTHER');

-- CreateEnum
CREATE TYPE "FlagCode" AS ENUM ('SAFETY_RISK', 'SAFETY_CHECK', 'SEVERE', 'WORSENING', 'NO_BASELINE', 'EARLY_NON_RESPONSE', 'NO_RESPONSE', 'OVERDUE_CONTACT', 'TWELVE_WEEK_DECISION', 'INACTIVE', 'MARKED_FOR_REVIEW');

-- CreateTable
CREATE TABLE "patient" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "personnummer" TEXT NOT NULL,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID NOT NULL,

    CONSTRAINT "patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "episode" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "status" "EpisodeStatus" NOT NULL DEFAULT 'ACTIVE',
    "closed_date" DATE,
    "care_manager_id" UUID,
    "gp_id" UUID,
    "diagnosis" TEXT,
    "sick_leave_at_start" SMALLINT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID NOT NULL,

    CONSTRAINT "episode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "episode_status_change" (
    "id" UUID NOT NULL,
    "episode_id" UUID NOT NULL,
    "status" "EpisodeStatus" NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT,
    "plan" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_by_id" UUID NOT NULL,

    CONSTRAINT "episode_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" UUID NOT NULL,
    "episode_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "time" TEXT,
    "type" "ContactType" NOT NULL,
    "counterpart" "Counterpart" NOT NULL DEFAULT 'PATIENT',
    "reached" BOOLEAN NOT NULL,
    "item1" SMALLINT,
    "item2" SMALLINT,
    "item3" SMALLINT,
    "item4" SMALLINT,
    "item5" SMALLINT,
    "item6" SMALLINT,
    "item7" SMALLINT,
    "item8" SMALLINT,
    "item9" SMALLINT,
    "madrs_total" SMALLINT,
    "sick_leave" SMALLINT,
    "duration_minutes" SMALLINT,
    "note" TEXT,
    "next_planned_date" DATE,
    "author_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flag_handling" (
    "id" UUID NOT NULL,
    "episode_id" UUID NOT NULL,
    "code" "FlagCode" NOT NULL,
    "note" TEXT NOT NULL,
    "handled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handled_by_id" UUID NOT NULL,
    "handled_by_role" "Role" NOT NULL,

    CONSTRAINT "flag_handling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_request" (
    "id" UUID NOT NULL,
    "episode_id" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requested_by_id" UUID NOT NULL,
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by_id" UUID,

    CONSTRAINT "review_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_settings" (
    "unit_id" UUID NOT NULL,
    "baseline_window_days" INTEGER NOT NULL DEFAULT 14,
    "response_percent" INTEGER NOT NULL DEFAULT 50,
    "partial_response_percent" INTEGER NOT NULL DEFAULT 25,
    "remission_max_total" INTEGER NOT NULL DEFAULT 12,
    "remission_min_baseline" INTEGER NOT NULL DEFAULT 13,
    "safety_risk_item9" INTEGER NOT NULL DEFAULT 4,
    "safety_check_item9" INTEGER NOT NULL DEFAULT 2,
    "severe_total" INTEGER NOT NULL DEFAULT 35,
    "worsening_points" INTEGER NOT NULL DEFAULT 5,
    "no_baseline_days" INTEGER NOT NULL DEFAULT 15,
    "early_non_response_days" INTEGER NOT NULL DEFAULT 42,
    "no_response_days" INTEGER NOT NULL DEFAULT 56,
    "overdue_contact_days" INTEGER NOT NULL DEFAULT 14,
    "twelve_week_days" INTEGER NOT NULL DEFAULT 84,
    "inactive_days" INTEGER NOT NULL DEFAULT 90,
    "response_recheck_days" INTEGER NOT NULL DEFAULT 28,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unit_settings_pkey" PRIMARY KEY ("unit_id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "patient_personnummer_idx" ON "patient"("personnummer");

-- CreateIndex
CREATE UNIQUE INDEX "patient_unit_id_personnummer_key" ON "patient"("unit_id", "personnummer");

-- CreateIndex
CREATE INDEX "episode_patient_id_idx" ON "episode"("patient_id");

-- CreateIndex
CREATE INDEX "episode_status_start_date_idx" ON "episode"("status", "start_date");

-- CreateIndex
CREATE INDEX "episode_status_change_episode_id_idx" ON "episode_status_change"("episode_id");

-- CreateIndex
CREATE INDEX "contact_episode_id_date_idx" ON "contact"("episode_id", "date");

-- CreateIndex
CREATE INDEX "flag_handling_episode_id_code_idx" ON "flag_handling"("episode_id", "code");

-- CreateIndex
CREATE INDEX "review_request_episode_id_idx" ON "review_request"("episode_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "episode" ADD CONSTRAINT "episode_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "episode_status_change" ADD CONSTRAINT "episode_status_change_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag_handling" ADD CONSTRAINT "flag_handling_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_request" ADD CONSTRAINT "review_request_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_settings" ADD CONSTRAINT "unit_settings_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
