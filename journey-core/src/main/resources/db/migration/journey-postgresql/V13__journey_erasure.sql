-- Erasure of a journey (ADR 0015, docs/erasure.md): the ledger forgets what it kept of the journey's child, its
-- identifier digests, demographic features, the blocking keys no other journey shares, its submissions' content
-- digests and its dead letters. The service role may not delete ledger rows at will (V4): it may only ask this
-- function, which runs as the schema's owner, to forget one journey, once the journey has recorded its erasure.
-- A household submission's row stays for the household's other children, with a content digest that no resend can
-- match (a resend is refused as a conflict, never recorded again).
CREATE OR REPLACE FUNCTION erase_journey_ledger(journey UUID) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema} AS $$
BEGIN
    DELETE FROM match_block WHERE digest IN (SELECT digest FROM journey_feature WHERE journey_id = journey)
        AND digest NOT IN (SELECT digest FROM journey_feature WHERE journey_id <> journey);
    DELETE FROM journey_feature WHERE journey_id = journey;
    DELETE FROM journey_identifier WHERE journey_id = journey;
    DELETE FROM intake_household_entry WHERE journey_id = journey;
    UPDATE intake_submission SET content_digest = repeat('0', 64)
        WHERE journey_id = journey AND household_reference IS NOT NULL;
    DELETE FROM intake_submission WHERE journey_id = journey AND household_reference IS NULL;
    DELETE FROM journey_ledger WHERE journey_id = journey;
    DELETE FROM DeadLetterEntry WHERE sequenceIdentifier = journey::text;
END
$$;

REVOKE ALL ON FUNCTION erase_journey_ledger(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_journey_ledger(UUID) TO ${service_role};
