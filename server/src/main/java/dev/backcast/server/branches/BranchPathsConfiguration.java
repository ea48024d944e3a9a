package dev.backcast.server.branches;

import dev.backcast.server.security.ProblemResponses;
import dev.backcast.server.roles.ProcessRoleConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Branch addresses are resolved after sign-in and the process role's boundary, and the forwarded request is
 * authorised again for what it reaches.
 */
@Configuration(proxyBeanMethods = false)
class BranchPathsConfiguration {

    @Bean
    FilterRegistrationBean<BranchPaths> branchPaths(Branches branches, ProblemResponses problems) {
        FilterRegistrationBean<BranchPaths> registration = new FilterRegistrationBean<>(
                new BranchPaths(branches, problems));
        registration.addUrlPatterns("/api/plans/*");
        registration.setOrder(ProcessRoleConfiguration.ORDER + 1);
        return registration;
    }
}
