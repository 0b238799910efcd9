package org.childjourney.query.chain;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The whole record to a file and back, against the event store's database directly (infra/bin/export-record and
 * import-record, which run it from the query API's jar):
 *
 * <pre>record-file export FILE
 * record-file import FILE</pre>
 *
 * <p>The database is the services' own: {@code SPRING_DATASOURCE_URL}, {@code _USERNAME} and {@code _PASSWORD}. An
 * export reads one snapshot of it and writes a new file only this user may read. An import runs the migrations
 * first (as the schema's owner: {@code JOURNEY_SERVICE_ROLE} names the services' role, {@code journey_service} by
 * default) into a new database, before any service has started on it. Exits 0 when done, 1 when the record is not
 * what it should be (a broken chain, events not chained yet, an export changed or cut short, a store not empty), 2
 * when it could not run. Messages name positions, links and lines, never a stored value: a database's own message
 * is reduced to its class and SQL state.
 */
public final class RecordFileCommand {

    private static final String USAGE = "usage: record-file export FILE | record-file import FILE";

    private RecordFileCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length != 2 || !(args[0].equals("export") || args[0].equals("import"))) {
            err.println(USAGE);
            return 2;
        }
        String url = environment.get("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            err.println("record-file: SPRING_DATASOURCE_URL names no database");
            return 2;
        }
        String user = environment.getOrDefault("SPRING_DATASOURCE_USERNAME", "");
        String password = environment.getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        Path file = Path.of(args[1]);
        try {
            if (args[0].equals("export")) {
                RecordExport.Written written = export(url, user, password, file);
                out.println("exported " + written.events() + " events, " + written.checkpoints() + " checkpoints and "
                        + written.ledgerRows() + " ledger rows to " + file);
            } else {
                migrate(url, user, password, environment.getOrDefault("JOURNEY_SERVICE_ROLE", "journey_service"));
                RecordImport.Imported imported;
                try (Connection store = DriverManager.getConnection(url, user, password);
                        BufferedReader from = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    imported = RecordImport.importInto(store, from);
                }
                out.println("imported " + imported.events() + " events, " + imported.checkpoints() + " checkpoints and "
                        + imported.ledgerRows() + " ledger rows; the chain ends where the export's did: link "
                        + imported.head().link() + ", " + imported.head().hash());
            }
            return 0;
        } catch (ChainBroken broken) {
            err.println("record-file: the chain does not hold at link " + broken.verdict().firstBroken().link()
                    + ": nothing was exported (run verify-chain)");
            return 1;
        } catch (RecordExport.NotExportable refused) {
            err.println("record-file: not exported: " + refused.getMessage());
            return 1;
        } catch (RecordImport.NotImported refused) {
            err.println("record-file: not imported: " + refused.getMessage());
            return 1;
        } catch (SQLException failed) {
            err.println("record-file: the database failed: " + failed.getClass().getSimpleName() + ", SQL state "
                    + failed.getSQLState());
            return 2;
        } catch (IOException | RuntimeException failed) {
            err.println("record-file: " + failed.getClass().getSimpleName() + ": could not " + args[0]);
            return 2;
        }
    }

    /**
     * Writes a new file (none is overwritten), readable by this user alone, from one read-only snapshot; a file not
     * written whole is deleted.
     */
    private static RecordExport.Written export(String url, String user, String password, Path file)
            throws SQLException, IOException {
        try (Connection store = DriverManager.getConnection(url, user, password)) {
            store.setAutoCommit(false);
            store.setReadOnly(true);
            store.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Files.createFile(file, FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0]);
            boolean written = false;
            try (OutputStream to = new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.TRUNCATE_EXISTING))) {
                RecordExport.Written whole = RecordExport.export(store, to, Instant.now().toString());
                written = true;
                return whole;
            } finally {
                store.rollback();
                if (!written) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The store's schema, as the services' migrations make it for this database. */
    private static void migrate(String url, String user, String password, String serviceRole) {
        String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : url.startsWith("jdbc:h2:") ? "h2" : null;
        if (vendor == null) {
            throw new RecordImport.NotImported("the store is neither H2 nor PostgreSQL");
        }
        Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/journey", "classpath:db/migration/journey-" + vendor)
                .placeholders(Map.of("service_role", serviceRole)).load().migrate();
    }
}
