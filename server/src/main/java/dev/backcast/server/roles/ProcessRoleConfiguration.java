package dev.backcast.server.roles;

import dev.backcast.query.plans.PlanProjection;
import dev.backcast.server.security.ProblemResponses;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The process's role ({@code BACKCAST_ROLE}): whether its projection runs and which requests it takes. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProcessRoleConfiguration {

    private static final int SEGMENTS = 4;
    private static final int BATCH_SIZE = 500;

    /**
     * Tracking, not pooled: a tracking processor wakes as soon as this process appends an event, where the pooled
     * one polls the embedded event store twice a second. Each thread works one segment, so a process has a thread
     * for every segment and can take over all of them when another query process stops; segments that nobody holds
     * are claimed within a second.
     */
    @Bean
    ConfigurerModule plansProjectionProcessor(ProcessRole role) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(PlanProjection.PROCESSOR,
                Configuration::eventStore, configuration -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(SEGMENTS)
                        .andInitialSegmentsCount(SEGMENTS)
                        .andBatchSize(BATCH_SIZE)
                        .andTokenClaimInterval(1, TimeUnit.SECONDS)
                        .andAutoStart(role.runsProjections()));
    }

    @Bean
    ProcessRole processRole(@Value("${backcast.role}") String role) {
        try {
            return ProcessRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException("BACKCAST_ROLE must be command, query or both, not '" + role + "'");
        }
    }

    /** Right after sign-in, before anything reads the request or sends it elsewhere. */
    public static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<RoleBoundary> roleBoundary(ProcessRole role, ProblemResponses problems) {
        FilterRegistrationBean<RoleBoundary> registration = new FilterRegistrationBean<>(new RoleBoundary(role,
                problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
