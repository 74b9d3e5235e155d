package dev.skillgraph.contract;

import dev.skillgraph.graph.Neo4jConnector;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.neo4j.driver.Driver;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The graph contract against the official {@code neo4j:5.26} image, with authentication on as in production. Needs a
 * Docker engine; without one JUnit reports the class as skipped ("disabledWithoutDocker").
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerContractIT extends GraphContract {

    private static final String PASSWORD = "contract-test-password";

    @Container
    static final Neo4jContainer<?> NEO4J = new Neo4jContainer<>("neo4j:5.26-community").withAdminPassword(PASSWORD);

    private static Driver driver;

    @BeforeAll
    static void connect() {
        driver = Neo4jConnector.connect(
                URI.create(NEO4J.getBoltUrl()), "neo4j", Optional.of(PASSWORD), Duration.ofSeconds(60));
    }

    @AfterAll
    static void disconnect() {
        if (driver != null) {
            driver.close();
        }
    }

    @Override
    protected Driver driver() {
        return driver;
    }
}
