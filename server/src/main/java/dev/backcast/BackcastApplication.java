package dev.backcast;

import dev.backcast.server.audit.VerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Backcast: the event-sourced planning server for the Working Backwards method. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackcastApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VerifyCommand.NAME)) {
            System.exit(VerifyCommand.run(args, System.out));
        }
        SpringApplication.run(BackcastApplication.class, args);
    }
}
