-- The service role's rights on the household table (V5), as V4 grants them on the other intake tables.
GRANT SELECT, INSERT ON intake_household_entry TO ${service_role};
