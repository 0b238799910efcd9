package org.childjourney.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the agency gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AgencyGatewayApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(AgencyGatewayApplication.class, args);
    }
}
