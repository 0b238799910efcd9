package org.childjourney.migrations;

import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Migrates the event store's database and exits: the one-shot step a deployment runs as the schema's owner before
 * the services start, so that no service holds the owner's password (they run with
 * {@code spring.flyway.enabled=false} and connect as the service role). The same migrations and settings as the
 * services' own ({@code spring.flyway.*}); the datasource is the owner's:
 *
 * <pre>
 * SPRING_DATASOURCE_URL=... SPRING_DATASOURCE_USERNAME=journey_owner SPRING_DATASOURCE_PASSWORD=... \
 *   java -cp agency-gateway.jar -Dloader.main=org.childjourney.migrations.Migrations \
 *   org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 */
@SpringBootConfiguration
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class Migrations {

    /** Migrates, then stops; a failed migration ends the process with an error. */
    public static void main(String[] args) {
        SpringApplication migrations = new SpringApplication(Migrations.class);
        migrations.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext migrated = migrations.run(args)) {
            migrated.getBean(Flyway.class).info();
        }
    }
}
