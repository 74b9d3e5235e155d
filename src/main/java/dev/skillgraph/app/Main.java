package dev.skillgraph.app;

import dev.skillgraph.config.SkillGraphConfig;
import dev.skillgraph.error.SkillGraphException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: reads the configuration, starts the application and stops it cleanly on shutdown. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        try {
            SkillGraphConfig config = SkillGraphConfig.load(System.getenv(), List.of(args));
            Application application = Application.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(application::close, "skillgraph-shutdown"));
        } catch (SkillGraphException e) {
            LOG.error("SkillGraph could not start: {}", e.getMessage());
            System.exit(1);
        }
    }
}
