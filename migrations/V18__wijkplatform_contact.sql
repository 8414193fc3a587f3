-- The address residents can write to a wijkplatform: the platform's own, shown publicly, never a
-- board member's personal address. Set by the municipality's admins; none until they do.
ALTER TABLE wijkplatform ADD COLUMN contact_email VARCHAR(254) NULL;
