package dev.backcast.server.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Ties the embedded PostgreSQL to the application: the data source depends on it, so on shutdown everything that
 * uses the database is stopped before the database itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EmbeddedPostgresEnvironment.ACTIVE, havingValue = "true")
public class EmbeddedPostgresLifecycle {

    static final String LEASE_BEAN = "embeddedPostgresLease";

    /** Releases this application's hold on the server; the last holder stops it. */
    public record Lease(Path directory) implements AutoCloseable {
        @Override
        public void close() {
            EmbeddedPostgresRegistry.release(directory);
        }
    }

    @Bean(name = LEASE_BEAN, destroyMethod = "close")
    Lease embeddedPostgresLease(Environment environment) {
        return new Lease(Path.of(environment.getRequiredProperty(EmbeddedPostgresEnvironment.DIRECTORY)));
    }

    @Bean
    static BeanFactoryPostProcessor dataSourceDependsOnEmbeddedPostgres() {
        return EmbeddedPostgresLifecycle::dependOnLease;
    }

    private static void dependOnLease(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
            var definition = beanFactory.getBeanDefinition(name);
            String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
            String[] withLease = Arrays.copyOf(dependsOn, dependsOn.length + 1);
            withLease[dependsOn.length] = LEASE_BEAN;
            definition.setDependsOn(withLease);
        }
    }
}
