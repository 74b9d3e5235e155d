package dev.skillgraph.app;

import dev.skillgraph.config.SkillGraphConfig;
import dev.skillgraph.error.SkillGraphException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: reads the configuration, starts the application and stops it cleanly on shutdown. With {@code mcp}
 * as the first argument it serves the MCP tools on stdin and stdout instead of HTTP; with {@code class-archive-training}
 * it starts once on free ports and a scratch store, answers a search and a plan, and stops: the build runs that under
 * {@code -XX:ArchiveClassesAtExit} to make the class-data-sharing archive the README's run command starts with.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    /** The command that trains the class-data-sharing archive (see the class Javadoc). */
    static final String CLASS_ARCHIVE_TRAINING = "class-archive-training";

    public static void main(String[] args) {
        String command =
                args.length > 0 && List.of("mcp", CLASS_ARCHIVE_TRAINING).contains(args[0]) ? args[0] : "";
        List<String> flags = List.of(args).subList(command.isEmpty() ? 0 : 1, args.length);
        try {
            if (command.equals("mcp")) {
                serveMcp(flags);
                return;
            }
            if (command.equals(CLASS_ARCHIVE_TRAINING)) {
                ClassArchiveTraining.run(flags);
                System.exit(0); // the archive is written at exit; a library's idle thread must not delay it
            }
            SkillGraphConfig config = SkillGraphConfig.load(System.getenv(), flags);
            Application application = Application.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(application::close, "skillgraph-shutdown"));
        } catch (SkillGraphException e) {
            LOG.error("SkillGraph could not start: {}", e.getMessage());
            System.exit(1);
        }
    }

    /**
     * stdout carries the protocol only: the real stdout goes to the MCP transport, and anything else that writes to
     * {@code System.out} (a library's banner) lands on stderr with the logs. The embedded Neo4j takes free ports, so
     * that it does not collide with a SkillGraph service running beside it, unless ports are configured.
     */
    private static void serveMcp(List<String> flags) {
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putIfAbsent("SKILLGRAPH_BOLT_PORT", "0");
        SkillGraphConfig config = SkillGraphConfig.load(environment, flags);
        Application.serveMcp(config, new FileInputStream(FileDescriptor.in), protocolOut);
        System.exit(0);
    }
}
