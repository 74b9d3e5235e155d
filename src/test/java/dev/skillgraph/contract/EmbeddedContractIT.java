package dev.skillgraph.contract;

import dev.skillgraph.graph.SharedNeo4j;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** The graph contract against the embedded Neo4j the service starts by default, over Bolt. */
@ExtendWith(SharedNeo4j.class)
class EmbeddedContractIT extends GraphContract {

    private final Driver driver;

    EmbeddedContractIT(Driver driver) {
        this.driver = driver;
    }

    @Override
    protected Driver driver() {
        return driver;
    }
}
