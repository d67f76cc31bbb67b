-- Full_Name is a generated column without a collation of its own; lookups by name compare it
-- case-insensitively, so its index must use NOCASE to be used by them.
DROP INDEX IF EXISTS "ix_Contacts_Full_Name";
CREATE INDEX "ix_Contacts_Full_Name" ON "rec_Contacts" ("Full_Name" COLLATE NOCASE);
