-- Erasure of a journey (ADR 0015, docs/erasure.md): the ledger forgets what it kept of the journey's child: its
-- identifier digests, its demographic features and descriptions, the blocking keys only it held, its submissions'
-- content digests. (A blocking key no feature holds, the birth date with day and month swapped, stays: a keyed
-- digest of another date, made again on demand.) The service role may not delete ledger rows at will (V4): it may only ask this function, which runs
-- as the schema's owner, to forget one journey, and only one whose erasure the journey has recorded.
-- A household submission's row stays for the household's other children, with a content digest that no resend can
-- match (a resend is refused as a conflict, never recorded again). Dead letters are the processors' own: they hold
-- the journey's events enciphered, like the store.
CREATE OR REPLACE FUNCTION erase_journey_ledger(journey UUID) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM DomainEventEntry WHERE aggregateIdentifier = journey::text
            AND payloadType = 'org.childjourney.core.journey.event.JourneyErased') THEN
        RAISE EXCEPTION 'the journey has not recorded its erasure';
    END IF;
    -- The child's blocking keys that no other journey holds, locked first in the order the gateway locks them.
    PERFORM 1 FROM match_block WHERE digest IN (SELECT digest FROM journey_feature WHERE journey_id = journey)
        ORDER BY digest FOR UPDATE;
    DELETE FROM match_block WHERE digest IN (SELECT digest FROM journey_feature WHERE journey_id = journey)
        AND digest NOT IN (SELECT digest FROM journey_feature WHERE journey_id <> journey);
    DELETE FROM journey_feature WHERE journey_id = journey;
    DELETE FROM journey_identifier WHERE journey_id = journey;
    UPDATE intake_submission SET content_digest = repeat('0', 64)
        WHERE household_reference IS NOT NULL AND (journey_id = journey OR EXISTS (SELECT 1 FROM intake_household_entry
            WHERE intake_household_entry.agency = intake_submission.agency
            AND intake_household_entry.source_record_id = intake_submission.source_record_id
            AND intake_household_entry.journey_id = journey));
    DELETE FROM intake_household_entry WHERE journey_id = journey;
    DELETE FROM intake_submission WHERE journey_id = journey AND household_reference IS NULL;
    DELETE FROM journey_ledger WHERE journey_id = journey;
END
$$;

REVOKE ALL ON FUNCTION erase_journey_ledger(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_journey_ledger(UUID) TO ${service_role};
