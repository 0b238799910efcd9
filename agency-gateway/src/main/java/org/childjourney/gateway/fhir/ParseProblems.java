package org.childjourney.gateway.fhir;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.childjourney.gateway.fhir.NotAnAttendance.Problem;
import org.jspecify.annotations.Nullable;

/**
 * What HAPI FHIR's parser finds wrong with a body against FHIR R4's structures, collected as problems that name the
 * element and never repeat the value (HAPI's own messages do). Anything it finds makes the bundle invalid: unknown
 * elements, values not of their type or code set, repeated single elements, an extension without its url or value.
 * The parser does not check other elements' cardinality: what an attendance needs, the mapping checks.
 */
final class ParseProblems implements IParserErrorHandler {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    @Override
    public void unknownElement(@Nullable IParseLocation location, String name) {
        add(location, name, "is not an element of FHIR R4 here");
    }

    @Override
    public void unknownAttribute(@Nullable IParseLocation location, String name) {
        add(location, name, "is not an attribute of FHIR R4 here");
    }

    @Override
    public void unexpectedRepeatingElement(@Nullable IParseLocation location, String name) {
        add(location, name, "occurs more than once where FHIR R4 allows one");
    }

    @Override
    public void missingRequiredElement(@Nullable IParseLocation location, String name) {
        add(location, name, "is required by FHIR R4");
    }

    @Override
    public void invalidValue(@Nullable IParseLocation location, @Nullable String value, @Nullable String error) {
        add(location, null, "is not a valid value of its FHIR R4 type or code set");
    }

    @Override
    public void incorrectJsonType(@Nullable IParseLocation location, String name, @Nullable ValueType expected,
            @Nullable ScalarType expectedScalar, @Nullable ValueType found, @Nullable ScalarType foundScalar) {
        add(location, name, "is not of the JSON type FHIR R4 gives it");
    }

    @Override
    public void containedResourceWithNoId(@Nullable IParseLocation location) {
        add(location, null, "is a contained resource with no id");
    }

    @Override
    public void unknownReference(@Nullable IParseLocation location, @Nullable String reference) {
        add(location, null, "refers to a contained resource that is not there");
    }

    @Override
    public void invalidInternalReference(@Nullable IParseLocation location, @Nullable String reference) {
        add(location, null, "refers to a contained resource that is not there");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(@Nullable IParseLocation location) {
        add(location, null, "is an extension with both a value and extensions");
    }

    /** The element by its name, and its parent's where the parser knows it (it does not know the whole path). */
    private void add(@Nullable IParseLocation location, @Nullable String name, String message) {
        String parent = location == null ? null : location.getParentElementName();
        String element = name == null ? parent : parent == null ? name : parent + "." + name;
        problems.add(new Problem(element == null ? "Bundle" : element, message));
    }
}
