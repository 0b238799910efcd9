package org.childjourney.core;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh PostgreSQL databases for the event-store tests, on the machine's PostgreSQL (127.0.0.1:5432, or
 * {@code CHILDJOURNEY_TEST_POSTGRES}). A test class on PostgreSQL extends itself with this class: where no server
 * runs, the class is skipped with a message before its Spring context is built (an abort inside the context's set-up
 * would surface as an error), except in CI, where {@code .ci/run} starts one and its absence is a failure.
 */
public final class PostgresDatabases implements ExecutionCondition {

    private static final String SERVER = System.getenv().getOrDefault("CHILDJOURNEY_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = "postgres";
    private static final String SERVICE_ROLE = "journey_service";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equals(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI runs the PostgreSQL tests, and fails them without a server");
        }
        try (Connection probe = DriverManager.getConnection(SERVER + "test", USER, "")) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers on " + SERVER);
        } catch (SQLException unreachable) {
            return ConditionEvaluationResult.disabled("PostgreSQL is not reachable on " + SERVER + ": event-store "
                    + "tests on PostgreSQL skipped (start it, or set CHILDJOURNEY_TEST_POSTGRES)");
        }
    }

    /** The JDBC URL of a new, empty database. */
    public static String fresh(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(SERVER + "test", USER, "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("the PostgreSQL tests need a server on " + SERVER, unreachable);
        }
        return SERVER + name;
    }

    /** The schema's owner, who runs the migrations: the server's superuser here. */
    public static String user() {
        return USER;
    }

    /**
     * The role the services connect as (the migrations' {@code service_role}), with a login on this test server,
     * whose local connections need no password: what it may do is only what the migrations grant it.
     */
    public static String serviceRole() {
        try (Connection admin = DriverManager.getConnection(SERVER + "test", USER, "")) {
            admin.createStatement().execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                    + SERVICE_ROLE + "') THEN CREATE ROLE " + SERVICE_ROLE + " LOGIN; END IF; END $$");
            admin.createStatement().execute("ALTER ROLE " + SERVICE_ROLE + " LOGIN");
        } catch (SQLException unreachable) {
            throw new IllegalStateException("the PostgreSQL tests need a server on " + SERVER, unreachable);
        }
        return SERVICE_ROLE;
    }
}
