-- CreateEnum
CREATE TYPE "VisitItemKind" AS ENUM ('CASE_REVIEW', 'PATIENT_MEETING');

-- CreateTable
CREATE TABLE "visit" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "psychiatrist_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_item" (
    "id" UUID NOT NULL,
    "visit_id" UUID NOT NULL,
    "episode_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "VisitItemKind" NOT NULL DEFAULT 'CASE_REVIEW',
    "time" TEXT,
    "recommendation_id" UUID,

    CONSTRAINT "visit_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "visit_unit_id_date_idx" ON "visit"("unit_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "visit_item_recommendation_id_key" ON "visit_item"("recommendation_id");

-- CreateIndex
CREATE INDEX "visit_item_episode_id_idx" ON "visit_item"("episode_id");

-- CreateIndex
CREATE UNIQUE INDEX "visit_item_visit_id_episode_id_key" ON "visit_item"("visit_id", "episode_id");

-- AddForeignKey
ALTER TABLE "visit_item" ADD CONSTRAINT "visit_item_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_item" ADD CONSTRAINT "visit_item_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_item" ADD CONSTRAINT "visit_item_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


