package dev.skillgraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.driver.Driver;

/**
 * One real embedded Neo4j for a whole test run, reached over Bolt like any server; tests get its {@link Driver}
 * as a parameter and start from an empty graph by calling {@link #clear(Driver)}.
 */
public final class SharedNeo4j implements ParameterResolver {

    private record Server(EmbeddedNeo4j neo4j, Driver driver, Path home) implements AutoCloseable {
        @Override
        public void close() {
            driver.close();
            neo4j.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Driver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, key -> start(), Server.class)
                .driver();
    }

    private static Server start() {
        try {
            Path home = Files.createTempDirectory("skillgraph-test-neo4j");
            EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, Optional.empty(), Optional.empty());
            Driver driver = Neo4jConnector.connect(neo4j.boltUri(), "neo4j", Optional.empty(), Duration.ofSeconds(30));
            new GraphRepository(driver).ensureSchema();
            return new Server(neo4j, driver, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every node and relationship, keeping the schema. */
    public static void clear(Driver driver) {
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
    }
}
