-- A refused attempt on a self-report link that is used, expired or revoked
-- (HTTP 410) is logged with a refusal of its own.
ALTER TYPE "AccessRefusal" ADD VALUE 'GONE';
