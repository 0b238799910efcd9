package org.childjourney.gateway.intake;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.person.Relationship;
import org.childjourney.core.person.Sensitive;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Publishes, in the gateway's OpenAPI document, a JSON Schema of each entry type's details, read off the type's
 * entry record ({@link EntryField}) exactly as the gateway reads submissions: agencies generate their clients and
 * check their payloads from it. A submission's {@code details} is one of them, the one its {@code type} names.
 */
@Component
class SubmissionSchemas implements OpenApiCustomizer {

    private static final String SUBMISSIONS = "/api/v1/submissions";

    @Override
    public void customise(OpenAPI openApi) {
        List<Schema> details = Arrays.stream(EntryType.values())
                .map(type -> {
                    String name = schemaName(type);
                    openApi.getComponents().addSchemas(name, details(type));
                    return (Schema) new Schema<>().$ref("#/components/schemas/" + name);
                })
                .toList();
        openApi.getComponents().addSchemas("Submission", new ObjectSchema()
                .addProperty("sourceRecordId", text(200).description("The agency's own id of the record: "
                        + "a resend with the same id and content is answered 200 with the same entry"))
                .addProperty("type", new StringSchema()._enum(Arrays.stream(EntryType.values())
                        .map(EntryType::wireName).toList()))
                .addProperty("occurredAt", new StringSchema().format("date-time"))
                .addProperty("sensitivity", new StringSchema().description("none unless the agency says otherwise"))
                .addProperty("subject", new ObjectSchema().description("nhsNumber and/or localId {system, value}; "
                        + "givenName, familyName, dateOfBirth, postcode"))
                .addProperty("subjects", new ArraySchema().items(new ObjectSchema()).maxItems(20)
                        .description("Instead of subject, for a household submission (a "
                                + String.join(" or ", Arrays.stream(EntryType.values())
                                        .filter(EntryType::mayConcernAHousehold).map(EntryType::wireName).toList())
                                + "): every child of the household, each shaped as subject; one entry is recorded for"
                                + " each, in one transaction, sharing one householdReference"))
                .addProperty("householdReference", new StringSchema().format("uuid").description("For an"
                        + " adult-service-event only, instead of subject or subjects: a household the record holds,"
                        + " by the reference a household submission's answer gave; one entry is recorded for each of"
                        + " its children"))
                .addProperty("adults", new ArraySchema().items(new ObjectSchema()
                                .addProperty("relationship", new StringSchema()._enum(EntryField.choices(
                                        Relationship.class)))
                                .addProperty("givenName", text(200))
                                .addProperty("familyName", text(200))
                                .required(List.of("relationship")))
                        .maxItems(20)
                        .description("With subjects: the adults living with the children, shown on each child's entry"))
                .addProperty("consent", new ObjectSchema().description("status and, where needed, reason"))
                .addProperty("details", new Schema<>().oneOf(details)
                        .description("The details of the submission's type: the schema named after it"))
                .required(List.of("sourceRecordId", "type", "occurredAt", "details"))
                .description("One submission, as the public contract shapes it: about one child (subject) or a"
                        + " household (subjects, or householdReference), exactly one of the three"));
        PathItem submissions = openApi.getPaths() == null ? null : openApi.getPaths().get(SUBMISSIONS);
        Operation post = submissions == null ? null : submissions.getPost();
        if (post != null && post.getRequestBody() != null) {
            post.getRequestBody().content(new Content().addMediaType(
                    org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Submission"))));
        }
    }

    /** {@code SCHOOL_CONCERN} is the schema {@code SchoolConcernDetails}. */
    static String schemaName(EntryType type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.append("Details").toString();
    }

    private static Schema<?> details(EntryType type) {
        ObjectSchema schema = new ObjectSchema();
        schema.description("The details of a " + type.wireName());
        for (EntryField field : EntryField.of(type.entryRecord())) {
            switch (field.role()) {
                case VALUE -> {
                    schema.addProperty(field.wireName(), value(field));
                    if (field.required()) {
                        schema.addRequiredItem(field.wireName());
                    }
                }
                case REFERENCE -> {
                    schema.addProperty(field.bySourceRecordId(), text(200)
                            .description("The earlier entry it names, by the agency's own source record id"));
                    if (field.byEntryId()) {
                        schema.addProperty(field.wireName(), new StringSchema().format("uuid")
                                .description("Or by its entry id; exactly one of the two"));
                    } else {
                        schema.addRequiredItem(field.bySourceRecordId());
                    }
                }
                case IN_TARGETS_SHAPE -> {
                    schema.addProperty(field.wireName(), new ObjectSchema()
                            .description("The corrected entry's details, in the schema of its type"));
                    schema.addRequiredItem(field.wireName());
                }
            }
        }
        return schema;
    }

    private static Schema<?> value(EntryField field) {
        Class<?> type = field.component().getType();
        if (type == List.class) {
            return new ArraySchema().items(of(field.typeArgument(), field.maxLength()));
        }
        return of(type == Sensitive.class ? field.typeArgument() : type, field.maxLength());
    }

    private static Schema<?> of(Class<?> type, int maxLength) {
        if (type == boolean.class || type == Boolean.class) {
            return new BooleanSchema();
        } else if (type == Instant.class) {
            return new StringSchema().format("date-time");
        } else if (type == AgencyCode.class) {
            StringSchema code = new StringSchema();
            code.pattern("^" + AgencyCode.PATTERN + "$").maxLength(AgencyCode.MAX_LENGTH);
            return code.example("school-parkside");
        } else if (type == ConsentScope.class) {
            return new StringSchema()._enum(Stream.concat(Stream.of("all"),
                    Arrays.stream(AgencyKind.values()).map(Enum::name)).toList());
        } else if (type.isEnum()) {
            return new StringSchema()._enum(EntryField.choices(type));
        }
        return text(maxLength == 0 ? null : maxLength);
    }

    private static StringSchema text(Integer maxLength) {
        StringSchema text = new StringSchema();
        text.minLength(1);
        text.maxLength(maxLength);
        return text;
    }
}
