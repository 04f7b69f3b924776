-- AlterTable
ALTER TABLE "contact" ADD COLUMN     "idempotency_key" UUID;

-- AlterTable
ALTER TABLE "unit_settings" ADD COLUMN     "method_contact_weeks" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "method_physical_by_day" INTEGER NOT NULL DEFAULT 91,
ADD COLUMN     "method_physical_meetings" INTEGER NOT NULL DEFAULT 2;

-- CreateIndex
CREATE UNIQUE INDEX "contact_idempotency_key_key" ON "contact"("idempotency_key");


