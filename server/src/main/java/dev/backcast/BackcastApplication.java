package dev.backcast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Backcast: the event-sourced planning server for the Working Backwards method. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackcastApplication {

    public static void main(String[] args) {
        SpringApplication.run(BackcastApplication.class, args);
    }
}
