-- A one-time password (a new user, a reset by the verksamhetschef) must be
-- replaced by the user's own before anything else.
ALTER TABLE "app_user" ADD COLUMN "password_change_required" BOOLEAN NOT NULL DEFAULT false;
