-- Hand-written (Prisma's schema cannot express a partial index). The header's
-- attention counts are cached per user and recomputed when data of the user's
-- units has changed since: every write is access-logged in its own
-- transaction, so the latest carried-out write of each unit is the change
-- stamp. One index probe per unit.
CREATE INDEX access_log_unit_writes ON "access_log" (unit_id, at)
  WHERE action IN ('CREATE', 'UPDATE') AND refusal IS NULL;
