package org.childjourney.query.retention;

import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.query.readmodel.DocumentBatch;
import org.childjourney.query.readmodel.PoisonedDocuments;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.springframework.stereotype.Component;

/**
 * When each journey's record is due for review under the retention schedule (collection {@value #COLLECTION}, in the
 * timeline's processing group): one document a journey, holding the year of its review, the latest entry it counts
 * from and the rule that applied. A document is written only when its year moves (about once a year for a busy child,
 * not at every entry), so the review is as precise as a year, as retention schedules are. An erased journey's
 * document goes with it.
 */
@Component
@ProcessingGroup("timeline")
class RetentionReviews implements RebuildableProjection {

    static final String COLLECTION = "retention_reviews";
    static final String AFTER_LAST_ENTRY = "after-last-entry";
    static final String AFTER_CHILD_PROTECTION_PLAN = "after-child-protection-plan";

    private static final Function<EventMessage<?>, Stream<String>> JOURNEYS = DocumentBatch.idsOf(JourneyEntry.class,
            entry -> Stream.of(entry.journeyId().toString()));

    private final ReadModels readModels;
    private final RetentionSchedule schedule;
    private final PoisonedDocuments poisoned;

    RetentionReviews(ReadModels readModels, RetentionSchedule schedule, PoisonedDocuments poisoned) {
        this.readModels = readModels;
        this.schedule = schedule;
        this.poisoned = poisoned;
    }

    @Override
    public boolean perJourney() {
        return true;
    }

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new RetentionReviews(generation, schedule, poisoned);
    }

    @EventHandler
    void on(JourneyEntry entry, @Timestamp Instant recordedAt, UnitOfWork<?> unitOfWork) {
        DocumentBatch batch = DocumentBatch.of(unitOfWork, readModels, COLLECTION, poisoned, JOURNEYS);
        String journeyId = entry.journeyId().toString();
        Document held = batch.get(journeyId, id -> null);
        boolean plan = entry instanceof ChildProtectionPlanStarted
                || held != null && AFTER_CHILD_PROTECTION_PLAN.equals(held.getString("rule"));
        Instant latest = held == null || recordedAt.isAfter(Instant.parse(held.getString("lastEntryAt")))
                ? recordedAt : Instant.parse(held.getString("lastEntryAt"));
        int year = latest.atZone(ZoneOffset.UTC).toLocalDate()
                .plus(plan ? schedule.afterChildProtectionPlan() : schedule.afterLastEntry()).getYear();
        String rule = plan ? AFTER_CHILD_PROTECTION_PLAN : AFTER_LAST_ENTRY;
        if (held == null || held.getInteger("reviewYear") != year || !rule.equals(held.getString("rule"))) {
            batch.put(journeyId, new Document("_id", journeyId).append("reviewYear", year)
                    .append("lastEntryAt", latest.toString()).append("rule", rule));
        }
    }

    @EventHandler
    void on(JourneyErased erased, UnitOfWork<?> unitOfWork) {
        DocumentBatch.of(unitOfWork, readModels, COLLECTION, poisoned, JOURNEYS).remove(erased.journeyId().toString());
    }

    /** Found by year, a scan: the records manager's yearly list, not a read of a child. */
    @QueryHandler
    RetentionReview.Due handle(FindRetentionReviews query) {
        List<RetentionReview> due = new ArrayList<>();
        readModels.collection(COLLECTION).find(lte("reviewYear", query.dueBy()))
                .sort(Sorts.ascending("reviewYear", "_id")).limit(FindRetentionReviews.MOST)
                .forEach(found -> due.add(new RetentionReview(found.getString("_id"), found.getInteger("reviewYear"),
                        found.getString("lastEntryAt"), found.getString("rule"))));
        return new RetentionReview.Due(due);
    }
}
