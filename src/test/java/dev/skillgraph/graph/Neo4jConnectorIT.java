package dev.skillgraph.graph;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillgraph.error.SkillGraphException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

class Neo4jConnectorIT {

    @Test
    void namesTheServerAndUserWhenCredentialsAreRefused(@TempDir Path home) {
        // A server with authentication on, as an external production server would be.
        DatabaseManagementService server = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .build();
        try {
            int port = ((GraphDatabaseAPI) server.database("system"))
                    .getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            URI uri = URI.create("bolt://127.0.0.1:" + port);

            assertThatThrownBy(() ->
                            Neo4jConnector.connect(uri, "neo4j", Optional.of("wrong-password"), Duration.ofSeconds(10)))
                    .isInstanceOf(SkillGraphException.class)
                    .hasMessageStartingWith("Neo4j at " + uri + " refused the credentials of user 'neo4j'");
        } finally {
            server.shutdown();
        }
    }
}
