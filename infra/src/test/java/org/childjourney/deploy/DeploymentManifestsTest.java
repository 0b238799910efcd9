package org.childjourney.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment files are validated, not run (no container engine here): the Kubernetes overlays as
 * {@code kubectl kustomize} renders them, against the Kubernetes OpenAPI schemas ({@code infra/deploy/validate},
 * the npm package kubernetes-models), and the compose file against the Compose Specification's schema, as
 * Debian's {@code docker-compose config} checks it. Each validator is first shown to refuse a broken copy, so that a
 * pass means something. Skipped, with the reason, where a tool is missing; {@code .ci/run} installs them.
 */
class DeploymentManifestsTest {

    private static final Path DEPLOY = Path.of(System.getProperty("childjourney.root", "..")).resolve("infra/deploy");
    private static final Path VALIDATOR = DEPLOY.resolve("validate");
    private static final Path COMPOSE = DEPLOY.resolve("compose/compose.yaml");
    private static final ObjectMapper YAML = new YAMLMapper();
    /** What compose.yaml requires from the operator's .env file. */
    private static final Map<String, String> COMPOSE_ENV = Map.of("PUBLIC_HOST", "journey.example.gov.uk",
            "IDENTITY_HOST", "id.journey.example.gov.uk", "KEYCLOAK_ADMIN_USER", "bootstrap-admin",
            "KEYCLOAK_ADMIN_PASSWORD", "not-a-real-password");

    @ParameterizedTest
    @ValueSource(strings = {"production", "staging"})
    void everyOverlayRendersToObjectsTheKubernetesSchemasAccept(String overlay) throws Exception {
        String rendered = kustomize(overlay);

        Run validation = validateKubernetes(rendered);

        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.output()).contains("valid Deployment/agency-gateway", "valid Deployment/query-api",
                "valid NetworkPolicy/default-deny");
    }

    @Test
    void theKubernetesValidatorRefusesAnObjectTheSchemasDoNot() throws Exception {
        String rendered = kustomize("production").replace("containerPort: 8080", "containerPort: eighty");

        Run validation = validateKubernetes(rendered);

        assertThat(validation.exitCode()).isEqualTo(1);
        assertThat(validation.output()).contains("invalid Deployment/query-api", "containerPort must be integer");
    }

    @Test
    void productionRunsSeveralHardenedReplicasWithProbesLimitsAndNoCommittedSecret() throws Exception {
        List<JsonNode> objects = objects(kustomize("production"));

        assertThat(objects).extracting(object -> object.path("kind").asText()).doesNotContain("Secret");
        List<JsonNode> deployments = objects.stream()
                .filter(object -> object.path("kind").asText().equals("Deployment")).toList();
        assertThat(deployments).hasSize(2).allSatisfy(deployment -> {
            assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            JsonNode container = pod.at("/containers/0");
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/image").asText()).startsWith("registry.example.gov.uk/").doesNotEndWith(":latest");
        });
        assertThat(deployments).allSatisfy(deployment -> assertThat(deployment.at("/spec/template/spec/containers/0")
                .toString()).as("a service never holds the schema owner's password")
                .doesNotContain("journey-migrations-secrets"));
        JsonNode migrations = objects.stream().filter(object -> object.path("kind").asText().equals("Job"))
                .findFirst().orElseThrow();
        assertThat(migrations.at("/spec/template/spec/containers/0").toString())
                .contains("org.childjourney.migrations.Migrations", "journey-migrations-secrets", "SCHEMA_OWNER");
        assertThat(objects.stream().filter(object -> object.at("/metadata/name").asText().startsWith(
                "journey-settings")).findFirst().orElseThrow().at("/data/SPRING_FLYWAY_ENABLED").asText())
                .isEqualTo("false");
        JsonNode defaultDeny = objects.stream()
                .filter(object -> object.at("/metadata/name").asText().equals("default-deny")).findFirst().orElseThrow();
        assertThat(defaultDeny.at("/spec/podSelector").isEmpty()).isTrue();
        assertThat(defaultDeny.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
    }

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws Exception {
        Run check = composeConfig(COMPOSE);

        assertThat(check.exitCode()).as(check.output()).isZero();
        JsonNode services = YAML.readTree(check.output()).path("services");
        assertThat(services.fieldNames()).toIterable().contains("migrate", "events-db", "read-models-1",
                "read-models-2", "read-models-3", "keycloak", "identity-db", "agency-gateway", "query-api-1",
                "query-api-2", "tls-proxy");
        // The schema owner's password for the migrations only; the services connect as the service role.
        assertThat(services.at("/migrate/secrets").toString()).contains("events_owner_password");
        for (String service : List.of("agency-gateway", "query-api-1", "query-api-2")) {
            assertThat(services.path(service).path("secrets").toString()).as(service)
                    .doesNotContain("events_owner_password").contains("events_service_password");
            assertThat(services.path(service).at("/environment/SPRING_FLYWAY_ENABLED").asText()).isEqualTo("false");
        }
        // Keycloak in production mode, and only the TLS proxy published on the host.
        assertThat(services.at("/keycloak/command").toString()).contains("start").doesNotContain("start-dev");
        services.fields().forEachRemaining(service -> assertThat(service.getValue().has("ports"))
                .as(service.getKey()).isEqualTo(service.getKey().equals("tls-proxy")));
    }

    @Test
    void composeRefusesAFileOutsideTheSpecification() throws Exception {
        Path broken = Files.createTempFile("compose", ".yaml");
        try {
            String compose = Files.readString(COMPOSE);
            assertThat(compose).contains("\n  agency-gateway:\n");
            Files.writeString(broken, compose.replace("\n  agency-gateway:\n",
                    "\n  agency-gateway:\n    restart_policy: always\n"));

            Run check = composeConfig(broken);

            assertThat(check.exitCode()).isNotZero();
            assertThat(check.output()).contains("restart_policy");
        } finally {
            Files.delete(broken);
        }
    }

    private static String kustomize(String overlay) throws Exception {
        requireTool("kubectl", "version", "--client");
        Run render = run(List.of("kubectl", "kustomize",
                DEPLOY.resolve("kubernetes/overlays").resolve(overlay).toString()), null, Map.of());
        assertThat(render.exitCode()).as(render.output()).isZero();
        return render.output();
    }

    private static Run validateKubernetes(String rendered) throws Exception {
        requireTool("node", "--version");
        assumeTrue(Files.isDirectory(VALIDATOR.resolve("node_modules/kubernetes-models")),
                "the validator's packages are not installed: npm ci --prefix infra/deploy/validate");
        return run(List.of("node", VALIDATOR.resolve("validate-kubernetes.mjs").toString()), rendered, Map.of());
    }

    private static Run composeConfig(Path file) throws Exception {
        requireTool("docker-compose", "version");
        return run(List.of("docker-compose", "--file", file.toString(), "--project-directory",
                COMPOSE.getParent().toString(), "config"), null, COMPOSE_ENV);
    }

    private static List<JsonNode> objects(String rendered) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(rendered)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
        }
        return objects;
    }

    private static void requireTool(String... versionCommand) throws InterruptedException {
        boolean present;
        try {
            present = run(List.of(versionCommand), null, Map.of()).exitCode() == 0;
        } catch (IOException notFound) {
            present = false;
        }
        assumeTrue(present, versionCommand[0] + " is not installed (.ci/run installs it)");
    }

    private static Run run(List<String> command, String input, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
