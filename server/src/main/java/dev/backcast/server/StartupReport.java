package dev.backcast.server;

import dev.backcast.server.database.EmbeddedPostgresEnvironment;
import dev.backcast.server.security.ConfiguredUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/** Tells whoever started the server where it is, where its data is, and how to sign in. */
@Component
public class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    public void ready(ApplicationReadyEvent ready) {
        Environment environment = ready.getApplicationContext().getEnvironment();
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : environment.getProperty("server.port", Integer.class, 8080);
        boolean embedded = environment.getProperty(EmbeddedPostgresEnvironment.ACTIVE, Boolean.class, false);
        StringBuilder report = new StringBuilder("\n\n  Backcast is running at http://localhost:").append(port)
                .append("  (API documentation: http://localhost:").append(port).append("/swagger-ui.html)\n");
        report.append("  Database: ").append(environment.getProperty("spring.datasource.url"));
        if (embedded) {
            report.append("\n            embedded PostgreSQL, user '").append(environment.getProperty("spring.datasource.username"))
                    .append("' without password, data in ").append(environment.getProperty(EmbeddedPostgresEnvironment.DIRECTORY));
        }
        report.append("\n  Users: ").append(ConfiguredUser.parseAll(environment.getProperty("backcast.users")).stream()
                .map(user -> user.name() + (user.hasDemoPassword() ? " (password: " + user.name() + ")" : "")
                        + " " + user.roles())
                .collect(Collectors.joining(", "))).append("\n");
        LOG.info(report.toString());
    }
}
