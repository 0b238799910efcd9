package org.childjourney.core.journey;

import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.details.ByEntryId;
import org.childjourney.core.journey.details.Identifier;
import org.childjourney.core.journey.details.IdentifierValidator;
import org.childjourney.core.journey.details.InTargetsShape;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.journey.details.WireName;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * One field of an entry type's details, read off the entry's record: everything but what every entry carries
 * ({@link #HEADER}). Each field knows its name in the public contract and how its value is written there (plain
 * text, true or false, an instant, a kebab-case choice, an agency code, a list of them), so that the gateway reads
 * every type's details, the query API shows them, and the OpenAPI document describes them, all from the record:
 * a new entry type is a record and an {@link EntryType} constant, with no code of its own elsewhere.
 *
 * @param role     a plain value the agency sends; a reference to an earlier entry (an {@link EntryId}, which the
 *                 gateway resolves from the agency's own source record id, {@link #bySourceRecordId()}); or
 *                 details in another type's shape
 *                 ({@link InTargetsShape})
 * @param required whether the agency must send it ({@code @NotNull} on the record's component)
 * @param identifier whether it is an identifier, read from the wire trimmed and in NFC ({@link Identifier})
 */
public record EntryField(String name, String wireName, RecordComponent component, Role role, boolean required,
        boolean identifier) {

    /** What every entry carries, besides its details. */
    public static final Set<String> HEADER = Set.of("journeyId", "entryId", "provenance", "subject", "consent");

    private static final ClassValue<List<EntryField>> FIELDS = new ClassValue<>() {
        /** @throws IllegalStateException for a type the reading of details does not serve, at its first use */
        @Override
        protected List<EntryField> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getSimpleName() + ": an entry type is a record");
            }
            List<EntryField> fields = Arrays.stream(type.getRecordComponents())
                    .filter(component -> !HEADER.contains(component.getName()))
                    .map(EntryField::of)
                    .toList();
            if (fields.stream().filter(field -> field.role() == Role.REFERENCE).count() > 1) {
                throw new IllegalStateException(type.getSimpleName() + ": an entry names at most one earlier entry");
            }
            return fields;
        }
    };

    /** Each entry type's canonical constructor, looked up once. */
    private static final ClassValue<Constructor<?>> CANONICAL = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                return type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException("an entry record without its canonical constructor", impossible);
            }
        }
    };

    /** How a field's value reaches the entry. */
    public enum Role {
        VALUE, REFERENCE, IN_TARGETS_SHAPE
    }

    /** The details' fields of an entry type, in the record's order. */
    public static List<EntryField> of(Class<? extends JourneyEntry> type) {
        return FIELDS.get(type);
    }

    private static EntryField of(RecordComponent component) {
        WireName wireName = component.getAnnotation(WireName.class);
        Role role = component.getType() == EntryId.class ? Role.REFERENCE
                : component.isAnnotationPresent(InTargetsShape.class) ? Role.IN_TARGETS_SHAPE : Role.VALUE;
        return new EntryField(component.getName(), wireName == null ? component.getName() : wireName.value(),
                component, role, fieldAnnotated(component, NotNull.class),
                component.getType() == String.class && fieldAnnotated(component, Identifier.class));
    }

    /** Constraints on a record component are placed on its field (and accessor) by the compiler. */
    private static boolean fieldAnnotated(RecordComponent component, Class<? extends Annotation> annotation) {
        return declaredField(component).isAnnotationPresent(annotation);
    }

    private static Field declaredField(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException("a record without its component's field", impossible);
        }
    }

    /**
     * An entry of the given type: what every entry carries, and each field's value from {@code values}.
     *
     * @throws IllegalArgumentException if the record refuses the values
     */
    public static <E extends JourneyEntry> E entry(Class<E> type, ChildJourneyId journeyId, EntryId entryId,
            Provenance provenance, Subject subject, Consent consent, Function<EntryField, @Nullable Object> values) {
        Map<String, Object> header = Map.of("journeyId", journeyId, "entryId", entryId, "provenance", provenance,
                "subject", subject, "consent", consent);
        Constructor<?> canonical = CANONICAL.get(type);
        Object[] arguments = new Object[canonical.getParameterCount()];
        // The details' fields are the record's components beyond the header, in the record's order.
        Iterator<EntryField> fields = of(type).iterator();
        Class<?>[] types = canonical.getParameterTypes();
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < arguments.length; i++) {
            String name = components[i].getName();
            arguments[i] = HEADER.contains(name) ? header.get(name) : values.apply(fields.next());
            if (arguments[i] == null && types[i] == boolean.class) {
                arguments[i] = false;
            }
        }
        try {
            return type.cast(canonical.newInstance(arguments));
        } catch (InvocationTargetException refused) {
            throw new IllegalArgumentException("the entry's record refused its values", refused.getCause());
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException("an entry record's canonical constructor refused a call", impossible);
        }
    }

    /**
     * For a reference: the name of the field that gives it by the agency's own source record id, as agencies know
     * their entries ({@code targetSourceRecordId} for {@code targetEntryId}).
     */
    public String bySourceRecordId() {
        return name.replaceFirst("EntryId$", "") + "SourceRecordId";
    }

    /** For a reference: whether it may also be given by the entry's id, under the field's own name. */
    public boolean byEntryId() {
        return component.isAnnotationPresent(ByEntryId.class);
    }

    /** For text: the most characters it may hold ({@link Text}, {@link Identifier}); 0 for any other value. */
    public int maxLength() {
        Text text = declaredField(component).getAnnotation(Text.class);
        Identifier identifier = declaredField(component).getAnnotation(Identifier.class);
        return text != null ? text.max() : identifier != null ? identifier.max() : 0;
    }

    /** This field's value in an entry of its type. */
    public @Nullable Object valueIn(JourneyEntry entry) {
        try {
            return component.getAccessor().invoke(entry);
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException("a record component without its accessor", impossible);
        }
    }

    /**
     * The field's value as the contract writes it: text, {@code true}/{@code false}, or a list of text. Choices
     * are kebab-case ({@code physical-abuse}), instants ISO-8601, scopes {@code all} or an agency kind.
     */
    public @Nullable Object toWire(@Nullable Object value) {
        if (value instanceof Sensitive<?> sensitive) {
            return toWire(sensitive.value());
        } else if (value instanceof Enum<?> choice) {
            return kebab(choice);
        } else if (value instanceof List<?> list) {
            return list.stream().map(this::toWire).toList();
        } else if (value instanceof AgencyCode || value instanceof EntryId || value instanceof ConsentScope
                || value instanceof Instant) {
            return value.toString();
        }
        return value;
    }

    /**
     * The field's value from the contract's form of it, as JSON reads it (text, a boolean, a list).
     *
     * @throws IllegalArgumentException saying what the field must be, if it is not that
     */
    public Object fromWire(Object wire) {
        if (identifier && wire instanceof String text) {
            return IdentifierValidator.normalised(text);
        }
        return fromWire(component.getType(), typeArgument(), wire);
    }

    private static Object fromWire(Class<?> type, Class<?> parameter, Object wire) {
        if (type == List.class) {
            if (!(wire instanceof List<?> list)) {
                throw new IllegalArgumentException(describe(type, parameter));
            }
            try {
                return list.stream().map(item -> fromWire(parameter, Object.class, item)).toList();
            } catch (IllegalArgumentException notOne) {
                throw new IllegalArgumentException(describe(type, parameter));
            }
        }
        if (type == boolean.class || type == Boolean.class) {
            if (wire instanceof Boolean bool) {
                return bool;
            }
            throw new IllegalArgumentException(describe(type, parameter));
        }
        if (!(wire instanceof String text)) {
            throw new IllegalArgumentException(describe(type, parameter));
        }
        try {
            if (type == String.class) {
                return text;
            } else if (type == Sensitive.class) {
                return Sensitive.of(fromWire(parameter, Object.class, text));
            } else if (type == Instant.class) {
                return Instant.parse(text);
            } else if (type == AgencyCode.class) {
                return AgencyCode.of(text);
            } else if (type == ConsentScope.class) {
                return "all".equals(text) ? ConsentScope.all()
                        : new ConsentScope(AgencyKind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).filter(constant -> kebab((Enum<?>) constant)
                        .equals(text)).findFirst().orElseThrow(IllegalArgumentException::new);
            }
        } catch (IllegalArgumentException | DateTimeParseException notOfItsType) {
            throw new IllegalArgumentException(describe(type, parameter));
        }
        throw new IllegalStateException("no wire form for " + type.getSimpleName());
    }

    /** What the field's value holds, for a list or a {@code Sensitive}: its items' or its value's type. */
    public Class<?> typeArgument() {
        return component.getGenericType() instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getActualTypeArguments()[0] : Object.class;
    }

    /** What a value of this field must be, in the words of an error message. */
    public String describe() {
        return describe(component.getType(), typeArgument());
    }

    private static String describe(Class<?> type, Class<?> parameter) {
        if (type == List.class) {
            return "must be a list, each item " + describe(parameter, Object.class).replaceFirst("^must be ", "");
        } else if (type == Sensitive.class) {
            return describe(parameter, Object.class);
        } else if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        } else if (type == Instant.class) {
            return "must be an ISO-8601 instant, e.g. 2026-11-20T21:14:00Z";
        } else if (type == AgencyCode.class) {
            return "must be an agency code, e.g. school-parkside";
        } else if (type == ConsentScope.class) {
            return "must be all or an agency kind (" + String.join(", ", Arrays.stream(AgencyKind.values())
                    .map(Enum::name).toList()) + ")";
        } else if (type.isEnum()) {
            return "must be one of: " + String.join(", ", choices(type));
        }
        return "must be non-empty text";
    }

    /** The kebab-case names of an enum's constants, as the contract spells them. */
    public static List<String> choices(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> kebab((Enum<?>) constant)).toList();
    }

    /** A choice as the contract spells it: {@code PHYSICAL_ABUSE} is {@code physical-abuse}. */
    public static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
