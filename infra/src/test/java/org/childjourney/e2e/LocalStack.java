package org.childjourney.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as a newcomer runs it: {@code infra/bin/up --no-build --detach} (Keycloak from Maven Central
 * with the demo realm, the gateway and the query API on the embedded default), on free ports and in a data
 * directory of its own, and {@code infra/bin/down} afterwards.
 */
final class LocalStack implements AutoCloseable {

    private final Path root = Path.of(System.getProperty("childjourney.root", "..")).toAbsolutePath().normalize();
    private final Map<String, String> environment;
    final int keycloakPort;
    final int gatewayPort;
    final int queryPort;

    LocalStack(Path dataDir) throws IOException, InterruptedException {
        keycloakPort = freePort();
        gatewayPort = freePort();
        queryPort = freePort();
        Files.createDirectories(dataDir);
        environment = Map.of("JOURNEY_DATA_DIR", dataDir.toString(),
                "KEYCLOAK_PORT", String.valueOf(keycloakPort),
                "GATEWAY_PORT", String.valueOf(gatewayPort),
                "QUERY_PORT", String.valueOf(queryPort));
        run(List.of("bash", root.resolve("infra/bin/up").toString(), "--no-build", "--detach"), dataDir, 600);
    }

    String keycloak() {
        return "http://localhost:" + keycloakPort;
    }

    String gateway() {
        return "http://localhost:" + gatewayPort;
    }

    String queryApi() {
        return "http://localhost:" + queryPort;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("bash", root.resolve("infra/bin/down").toString()),
                Path.of(environment.get("JOURNEY_DATA_DIR")), 120);
    }

    private void run(List<String> command, Path dataDir, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = dataDir.resolve("stack-" + Path.of(command.get(1)).getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed:\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
