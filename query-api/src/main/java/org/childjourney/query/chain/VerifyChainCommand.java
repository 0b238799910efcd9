package org.childjourney.query.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The chain's verification as a command, run against the event store's database directly, without the services
 * (infra/bin/verify-chain, which runs it from the query API's jar):
 *
 * <pre>verify-chain [--checkpoints FILE] [--export FILE]</pre>
 *
 * <p>The database is the services' own: {@code SPRING_DATASOURCE_URL}, {@code _USERNAME} and {@code _PASSWORD}.
 * {@code --checkpoints} names checkpoints exported earlier ({@code GET /api/v1/admin/chain/checkpoints}, or this
 * command's {@code --export}) and kept outside the system. Prints what the walk found; when the chain is intact,
 * {@code --export} writes the checkpoints to keep now (the recomputed head and those recorded), in the form
 * {@code --checkpoints} reads. Exits 0 when the chain is intact, 1 when it is not, 2 when it could not walk it.
 */
public final class VerifyChainCommand {

    private static final String USAGE = "usage: verify-chain [--checkpoints FILE] [--export FILE]";
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private VerifyChainCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        KeptCheckpoints kept = new KeptCheckpoints(null, List.of());
        @Nullable Path export = null;
        for (int at = 0; at < args.length; at += 2) {
            if (at + 1 == args.length || !List.of("--checkpoints", "--export").contains(args[at])) {
                err.println(USAGE);
                return 2;
            }
            if (args[at].equals("--export")) {
                export = Path.of(args[at + 1]);
                continue;
            }
            try {
                kept = JSON.readValue(Path.of(args[at + 1]).toFile(), KeptCheckpoints.class);
            } catch (IOException unreadable) {
                err.println("verify-chain: cannot read the checkpoints in " + args[at + 1]);
                return 2;
            }
        }
        String url = environment.get("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            err.println("verify-chain: SPRING_DATASOURCE_URL names no database");
            return 2;
        }
        Verdict verdict;
        try (Connection store = DriverManager.getConnection(url,
                environment.getOrDefault("SPRING_DATASOURCE_USERNAME", ""),
                environment.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""))) {
            store.setReadOnly(true);
            verdict = ChainVerification.verify(store, kept.all());
            report(verdict, out);
            if (verdict.intact() && export != null) {
                JSON.writeValue(export.toFile(), ChainVerification.keep(store, verdict, Instant.now().toString()));
                out.println("checkpoints to keep written to " + export);
            }
        } catch (SQLException unreachable) {
            err.println("verify-chain: cannot read the event store: " + unreachable.getMessage());
            return 2;
        } catch (IOException unwritable) {
            err.println("verify-chain: cannot write the checkpoints to " + export);
            return 2;
        }
        return verdict.intact() ? 0 : 1;
    }

    private static void report(Verdict verdict, PrintStream out) {
        out.println("links walked: " + verdict.links());
        out.println("checkpoints matched: " + verdict.checkpointsMatched());
        if (verdict.head() != null) {
            out.println("head: link " + verdict.head().link() + ", position " + verdict.head().position() + ", "
                    + verdict.head().hash());
        }
        if (verdict.firstBroken() != null) {
            Verdict.BrokenLink broken = verdict.firstBroken();
            out.println("first broken link: " + broken.link()
                    + (broken.position() == null ? "" : ", position " + broken.position()) + ": " + broken.reason());
        }
        if (verdict.unchainedEvents() > 0) {
            out.println("events not on the chain: " + verdict.unchainedEvents() + ", the first at position "
                    + verdict.firstUnchainedPosition());
        }
        out.println(verdict.intact() ? "intact" : "NOT INTACT");
    }
}
