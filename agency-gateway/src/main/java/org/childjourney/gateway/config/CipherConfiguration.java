package org.childjourney.gateway.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.axonframework.serialization.Serializer;
import org.childjourney.core.cipher.EncipheringSerializer;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.cipher.OpeningUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Each journey's events are stored enciphered under the journey's key (ADR 0015, docs/erasure.md). The keys live in
 * the key store, a database apart from the event store ({@code childjourney.keys.url}): the gateway makes new
 * children's journeys and their keys ahead ({@code NewJourneys}). Axon's event serializer, wherever it is used (the
 * store, the dead letters), is wrapped to encipher, and the upcaster chain opens first.
 */
@Configuration(proxyBeanMethods = false)
class CipherConfiguration {

    /** The key store, on a pool of its own (not a {@code DataSource} bean: the event store's stays the one). */
    @Bean(destroyMethod = "close")
    JourneyKeys journeyKeys(Environment environment, Clock clock) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("key-store");
        pool.setJdbcUrl(environment.getRequiredProperty("childjourney.keys.url"));
        pool.setUsername(environment.getProperty("childjourney.keys.username", "sa"));
        pool.setPassword(environment.getProperty("childjourney.keys.password", ""));
        pool.setMaximumPoolSize(4);
        return new JourneyKeys(new HikariDataSource(pool), clock);
    }

    @Bean
    static BeanPostProcessor encipheringEventSerializer(ObjectProvider<JourneyKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return "eventSerializer".equals(name) && bean instanceof Serializer events
                        ? new EncipheringSerializer(events, keys.getObject()) : bean;
            }
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OpeningUpcaster openingUpcaster(JourneyKeys keys) {
        return new OpeningUpcaster(keys);
    }
}
