package org.childjourney.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the query API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApiApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // The embedded event store's server (H2's AUTO_SERVER, which the other service connects to) listens on the
        // loopback interface only: nobody on the network may reach the record's history. A deployment may say
        // otherwise with -Dh2.bindAddress; production uses PostgreSQL.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        SpringApplication.run(QueryApiApplication.class, args);
    }
}
