-- CreateTable
CREATE TABLE "recommendation" (
    "id" UUID NOT NULL,
    "episode_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "handled_codes" "FlagCode"[],
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_receipt" (
    "recommendation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "recommendation_receipt_pkey" PRIMARY KEY ("recommendation_id","user_id")
);

-- CreateIndex
CREATE INDEX "recommendation_episode_id_created_at_idx" ON "recommendation"("episode_id", "created_at");

-- CreateIndex
CREATE INDEX "recommendation_receipt_user_id_read_at_idx" ON "recommendation_receipt"("user_id", "read_at");

-- AddForeignKey
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_receipt" ADD CONSTRAINT "recommendation_receipt_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


