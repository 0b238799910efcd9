package org.childjourney.core.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A personal value that must never reach a log, an exception message or a metric. It serialises as the plain
 * value (the event store and read models need it) but prints as {@code ***}.
 *
 * @param <T> the wrapped value's type
 */
public final class Sensitive<T> {

    private final T value;

    private Sensitive(T value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a value; use {@link #ofNullable} where the value is optional. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static <T> Sensitive<T> of(T value) {
        return new Sensitive<>(value);
    }

    /** Wraps a value that may be absent: {@code null} in, {@code null} out. */
    public static <T> @Nullable Sensitive<T> ofNullable(@Nullable T value) {
        return value == null ? null : new Sensitive<>(value);
    }

    /** The wrapped value, for code that has a lawful reason to use it. */
    @JsonValue
    public T value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sensitive<?> that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "***";
    }
}
