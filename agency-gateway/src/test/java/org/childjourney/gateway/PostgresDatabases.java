package org.childjourney.gateway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh PostgreSQL databases for the event-store tests, on the machine's PostgreSQL (127.0.0.1:5432, or
 * {@code CHILDJOURNEY_TEST_POSTGRES}). Where none is running the tests are skipped with a message, except in CI,
 * where {@code .ci/run} starts one and its absence is a failure.
 */
public final class PostgresDatabases {

    private static final String SERVER = System.getenv().getOrDefault("CHILDJOURNEY_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = "postgres";

    private PostgresDatabases() {
    }

    /** The JDBC URL of a new, empty database. */
    public static String fresh(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(SERVER + "test", USER, "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs PostgreSQL on " + SERVER + " for the event-store tests",
                        unreachable);
            }
            Assumptions.abort("PostgreSQL is not reachable on " + SERVER + ": event-store tests on PostgreSQL "
                    + "skipped (start it, or set CHILDJOURNEY_TEST_POSTGRES)");
        }
        return SERVER + name;
    }

    public static String user() {
        return USER;
    }
}
