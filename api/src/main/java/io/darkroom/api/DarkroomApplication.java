package io.darkroom.api;

import io.darkroom.api.rebuild.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar darkroom.jar} serves; {@code java -jar darkroom.jar replay} rebuilds the
 * read models from the event store and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DarkroomApplication {
    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        if (args.length > 0 && args[0].equals("replay")) {
            SpringApplication application = new SpringApplication(DarkroomApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            try (ConfigurableApplicationContext context = application.run(args)) {
                long events = context.getBean(ReplayCommand.class).run();
                System.out.println("Replayed " + events + " events into the read models");
            }
            return;
        }
        if (args.length > 0 && args[0].equals("blobs")) {
            System.exit(io.darkroom.api.blob.BlobsCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.exit(io.darkroom.api.rebuild.RebuildClient.run(args));
        }
        SpringApplication application = new SpringApplication(DarkroomApplication.class);
        application.addListeners(new io.darkroom.api.config.EarlyEmbeddedPostgres());
        ConfigurableApplicationContext context = application.run(args);
        if (context.getEnvironment().getProperty("darkroom.exit-when-ready", Boolean.class, false)) {
            // the build's training start (class-data-sharing archive): everything a start loads, then a clean stop
            System.exit(SpringApplication.exit(context));
        }
    }
}
