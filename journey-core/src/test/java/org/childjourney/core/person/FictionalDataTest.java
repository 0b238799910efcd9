package org.childjourney.core.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every valid NHS number written anywhere in the project's tests, test data and documentation is in the 999 range
 * the NHS reserves for testing, so that none can be a real child's (README: "test NHS numbers come from the 999
 * range").
 */
class FictionalDataTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![0-9A-Za-z])[0-9]{10}(?![0-9A-Za-z])");

    @Test
    void everyNhsNumberInTheTestsAndDocumentationIsATestNumber() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String module : List.of("journey-core", "agency-gateway", "query-api", "infra")) {
            Path tests = PROJECT.resolve(module).resolve("src").resolve("test");
            try (Stream<Path> walk = Files.walk(tests)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        files.add(PROJECT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(PROJECT.resolve("docs"))) {
            docs.filter(doc -> doc.toString().endsWith(".md")).forEach(files::add);
        }
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file);
            } catch (MalformedInputException binary) {
                continue;
            }
            Matcher number = TEN_DIGITS.matcher(text);
            while (number.find()) {
                if (NhsNumber.isValid(number.group()) && !number.group().startsWith("999")) {
                    found.add(PROJECT.relativize(file) + ": " + number.group());
                }
            }
        }

        assertThat(files).hasSizeGreaterThan(50);
        assertThat(found).isEmpty();
    }
}
