-- A contact type of its own for the patient's self-report by link. Alone in
-- its migration: a new enum value cannot be used in the transaction that adds
-- it, and the next migration's checks name it.
ALTER TYPE "ContactType" ADD VALUE 'SELF_REPORT';
