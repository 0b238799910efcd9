-- A submission may name an earlier household by its reference (an adult service's event about a parent): the
-- household's submission is found by that reference.
CREATE INDEX IF NOT EXISTS intake_submission_by_household ON intake_submission (household_reference);
