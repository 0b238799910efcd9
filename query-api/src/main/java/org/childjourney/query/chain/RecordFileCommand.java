package org.childjourney.query.chain;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * The whole record to a file and back, against the event store's database directly (infra/bin/export-record and
 * import-record, which run it from the query API's jar):
 *
 * <pre>record-file export FILE
 * record-file import FILE</pre>
 *
 * <p>The database is the services' own: {@code SPRING_DATASOURCE_URL}, {@code _USERNAME} and {@code _PASSWORD}; an
 * import needs the schema's owner (it sets where the store's positions go on) and an empty store the migrations made.
 * Exits 0 when done, 1 when the record is not what it should be (a broken chain, an export changed or cut short),
 * 2 when it could not run.
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
        Path file = Path.of(args[1]);
        try (Connection store = DriverManager.getConnection(url,
                environment.getOrDefault("SPRING_DATASOURCE_USERNAME", ""),
                environment.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""))) {
            if (args[0].equals("export")) {
                store.setReadOnly(true);
                RecordExport.Written written;
                try (OutputStream to = new BufferedOutputStream(Files.newOutputStream(file))) {
                    written = RecordExport.export(store, to, Instant.now().toString());
                } finally {
                    store.rollback();
                }
                out.println("exported " + written.events() + " events, " + written.checkpoints() + " checkpoints and "
                        + written.ledgerRows() + " ledger rows to " + file);
                if (written.leftOut() > 0) {
                    out.println(written.leftOut() + " events were not chained yet and were left out: export again"
                            + " once the chain has caught up (the agencies stopped)");
                }
            } else {
                RecordImport.Imported imported;
                try (BufferedReader from = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    imported = RecordImport.importInto(store, from);
                }
                out.println("imported " + imported.events() + " events, " + imported.checkpoints() + " checkpoints and "
                        + imported.ledgerRows() + " ledger rows; the chain ends where the export's did: link "
                        + imported.head().link() + ", " + imported.head().hash());
            }
            return 0;
        } catch (ChainBroken broken) {
            err.println("record-file: the chain does not hold at link " + broken.verdict().firstBroken().link()
                    + ": nothing after it was exported (run verify-chain)");
            return 1;
        } catch (RecordImport.NotImported refused) {
            err.println("record-file: not imported: " + refused.getMessage());
            return 1;
        } catch (SQLException | IOException failed) {
            err.println("record-file: " + failed.getClass().getSimpleName() + ": " + failed.getMessage());
            return 2;
        }
    }
}
