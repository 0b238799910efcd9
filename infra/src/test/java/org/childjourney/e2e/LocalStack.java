package org.childjourney.e2e;

import java.io.IOException;
import java.net.BindException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        this(dataDir, Map.of());
    }

    /**
     * @param settings further environment for the scripts and services, e.g. a PostgreSQL datasource, or a fixed
     *                 {@code QUERY_PORT} (the demo realm accepts sign-ins to the pages only on its known ports)
     */
    LocalStack(Path dataDir, Map<String, String> settings) throws IOException, InterruptedException {
        keycloakPort = freePort();
        gatewayPort = freePort();
        queryPort = settings.containsKey("QUERY_PORT") ? Integer.parseInt(settings.get("QUERY_PORT")) : freePort();
        Files.createDirectories(dataDir);
        Map<String, String> all = new HashMap<>(settings);
        all.put("JOURNEY_DATA_DIR", dataDir.toString());
        all.put("KEYCLOAK_PORT", String.valueOf(keycloakPort));
        all.put("GATEWAY_PORT", String.valueOf(gatewayPort));
        all.put("QUERY_PORT", String.valueOf(queryPort));
        environment = Map.copyOf(all);
        up();
    }

    /** Starts whatever of the stack is not running. */
    void up() throws IOException, InterruptedException {
        run(List.of("bash", root.resolve("infra/bin/up").toString(), "--no-build", "--detach"), dataDir(), 600);
    }

    /** SIGKILL to one service started by {@code up}, as a crash would stop it; returns once it has exited. */
    void kill(String service) throws IOException {
        ProcessHandle.of(pid(service)).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
        Files.deleteIfExists(dataDir().resolve("run").resolve(service + ".pid"));
    }

    /**
     * One more instance of a service, as {@code up} starts one (its jar, the local profile, this stack's Keycloak,
     * event store and settings) on a port of its own, ready when this returns. Closing it stops it.
     */
    Instance another(String service) throws IOException, InterruptedException {
        int port = freePort();
        Path jar;
        try (Stream<Path> built = Files.list(root.resolve(service).resolve("target"))) {
            jar = built.filter(file -> file.getFileName().toString().matches(service + "-.*exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar of " + service + ": package it"));
        }
        Path log = dataDir().resolve(service + "-" + port + ".log");
        // As up starts it, with the H2 fetch size of its reads through the first service's server (see up).
        ProcessBuilder builder = new ProcessBuilder("java", "-Daxoniq.update-checker.disabled=true",
                "-Dh2.serverResultSetFetchSize=1000", "-Xmx384m", "-jar", jar.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", keycloak() + "/realms/journey");
        if (environment.containsKey("JOURNEY_DATASOURCE_URL")) {
            env.put("SPRING_DATASOURCE_URL", environment.get("JOURNEY_DATASOURCE_URL"));
            env.put("SPRING_DATASOURCE_USERNAME", environment.get("JOURNEY_DATASOURCE_USERNAME"));
            env.put("SPRING_DATASOURCE_PASSWORD", environment.getOrDefault("JOURNEY_DATASOURCE_PASSWORD", ""));
        } else {
            env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dataDir().toAbsolutePath().resolve("events/journey")
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
            env.put("SPRING_DATASOURCE_USERNAME", "sa");
            env.put("SPRING_DATASOURCE_PASSWORD", eventStorePassword());
        }
        if (environment.containsKey("JOURNEY_KEYS_URL")) {
            env.put("CHILDJOURNEY_KEYS_URL", environment.get("JOURNEY_KEYS_URL"));
            env.put("CHILDJOURNEY_KEYS_USERNAME", environment.get("JOURNEY_KEYS_USERNAME"));
            env.put("CHILDJOURNEY_KEYS_PASSWORD", environment.getOrDefault("JOURNEY_KEYS_PASSWORD", ""));
        } else {
            env.put("CHILDJOURNEY_KEYS_URL", keyStoreUrl());
            env.put("CHILDJOURNEY_KEYS_USERNAME", "sa");
            env.put("CHILDJOURNEY_KEYS_PASSWORD", keyStorePassword());
        }
        Instance instance = new Instance(builder.start(), port);
        long patience = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (!instance.ready()) {
            if (!instance.process().isAlive() || System.nanoTime() > patience) {
                instance.close();
                throw new IllegalStateException(service + " did not start; see " + log);
            }
            Thread.sleep(1_000);
        }
        return instance;
    }

    /** A service's instance started by {@link #another}. */
    record Instance(Process process, int port) implements AutoCloseable {

        String url() {
            return "http://localhost:" + port;
        }

        boolean ready() {
            try {
                HttpURLConnection health = (HttpURLConnection) URI.create(url() + "/actuator/health").toURL()
                        .openConnection();
                health.setConnectTimeout(2_000);
                health.setReadTimeout(5_000);
                return health.getResponseCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        }

        /** SIGKILL, as a crash would stop it. */
        void kill() {
            process.destroyForcibly();
            process.onExit().join();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(dataDir().resolve("run").resolve(service + ".pid")).trim());
    }

    /** The service's peak resident memory so far, in MiB (Linux's VmHWM). */
    long peakResidentMb(String service) throws IOException {
        long pid = pid(service);
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for " + service);
    }

    /**
     * The processor time a service has used so far, user and system, in all and in its garbage collector's threads
     * (G1's {@code GC Thread#n} and {@code G1 ...}), from {@code /proc}: clock ticks of 10 ms on Linux.
     */
    ProcessorTime processorTime(String service) throws IOException {
        Path process = Path.of("/proc", String.valueOf(pid(service)));
        long collector = 0;
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            for (Path thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (NoSuchFileException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    collector += ticksInMillis(stat);
                }
            }
        }
        return new ProcessorTime(ticksInMillis(Files.readString(process.resolve("stat"))), collector);
    }

    private static long ticksInMillis(String stat) {
        // The command name, in parentheses, may hold spaces; the fields counted here follow it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** Processor time in milliseconds: in all, and of that in garbage collection. */
    record ProcessorTime(long millis, long collectorMillis) {

        ProcessorTime since(ProcessorTime earlier) {
            return new ProcessorTime(millis - earlier.millis, collectorMillis - earlier.collectorMillis);
        }

        /** Per unit of work, e.g. {@code 1.02 ms (0.40 ms collecting garbage)}. */
        String per(long count) {
            return "%.2f ms (%.2f ms collecting garbage)".formatted(millis / (double) count,
                    collectorMillis / (double) count);
        }
    }

    Path dataDir() {
        return Path.of(environment.get("JOURNEY_DATA_DIR"));
    }

    /** The embedded event store's password, which {@code up} generated into the data directory. */
    String eventStorePassword() throws IOException {
        return Files.readString(dataDir().resolve("secrets/event-store-password"));
    }

    /** The embedded key store's password, which {@code up} generated into the data directory. */
    String keyStorePassword() throws IOException {
        return Files.readString(dataDir().resolve("secrets/key-store-password"));
    }

    /** The embedded key store, as {@code up} gives it to the services (docs/erasure.md). */
    String keyStoreUrl() {
        return "jdbc:h2:file:" + dataDir().toAbsolutePath().resolve("keys/journey-keys") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** The repository the stack runs from. */
    Path root() {
        return root;
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

    String tokenUrl() {
        return keycloak() + "/realms/journey/protocol/openid-connect/token";
    }

    /** Runs one of {@code infra/bin}'s scripts against this stack, e.g. {@code demo-data}. */
    /** Runs one of the stack's scripts in {@code infra/bin} against it, and answers what it printed. */
    String script(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("infra/bin").resolve(name).toString()));
        command.addAll(List.of(arguments));
        return Files.readString(run(command, dataDir(), 300));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("bash", root.resolve("infra/bin/down").toString()), dataDir(), 120);
    }

    /** Runs the command to its end, successful, and answers the file its output went to. */
    private Path run(List<String> command, Path dataDir, long timeoutSeconds)
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
        return log;
    }

    /**
     * A port that is free now, below Linux's ephemeral range (32768 and up): a port from that range, as
     * {@code new ServerSocket(0)} gives, can be taken as the source port of any outgoing connection in the minute
     * before the service that was meant to listen on it starts.
     */
    static int freePort() throws IOException {
        while (true) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (BindException taken) {
                // try another
            }
        }
    }
}
