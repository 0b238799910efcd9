-- The embedded H2 store has one user, with the password infra/bin/up generates (mode 0600), on the loopback
-- interface only: there is no second role to grant to. PostgreSQL's V4 gives the services least privilege.
SELECT 1;
