package org.childjourney.query.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The deployment's retention schedule (docs/erasure.md): how long after a journey's latest entry its record is due
 * for review, longer once a child protection plan was ever started on it. Counted from the latest entry, which every
 * journey has, not from the child's date of birth, which not every submission gives and which is enciphered.
 *
 * @param afterLastEntry            a journey's review, after its latest entry
 * @param afterChildProtectionPlan  the same, for a journey on which a child protection plan was ever started
 */
@Validated
@ConfigurationProperties("childjourney.retention")
public record RetentionSchedule(@NotNull Period afterLastEntry, @NotNull Period afterChildProtectionPlan) {
}
