package dev.skillgraph.graph;

import dev.skillgraph.error.SkillGraphException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/** Opens the one {@link Driver} of the process and proves, within a bounded wait, that the server answers. */
public final class Neo4jConnector {

    private Neo4jConnector() {}

    /**
     * Connects to {@code uri}; without a password no authentication is sent (the embedded database needs none).
     *
     * @throws SkillGraphException naming the server and the cause when it is unreachable or refuses the credentials
     */
    public static Driver connect(URI uri, String user, Optional<String> password, Duration timeout) {
        AuthToken auth = password.map(p -> AuthTokens.basic(user, p)).orElse(AuthTokens.none());
        Config config = Config.builder()
                .withConnectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .withMaxTransactionRetryTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .withUserAgent("skillgraph")
                .withLogging(Logging.slf4j())
                .build();
        Driver driver = GraphDatabase.driver(uri, auth, config);
        try {
            // verifyConnectivity() alone can block forever on a misbehaving server: always bound the wait.
            driver.verifyConnectivityAsync().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return driver;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            driver.close();
            throw SkillGraphException.startFailed(e, "interrupted while connecting to Neo4j at " + uri);
        } catch (TimeoutException e) {
            driver.close();
            throw SkillGraphException.startFailed(
                    e,
                    "Neo4j at " + uri + " did not answer within " + timeout.toSeconds()
                            + " s (SKILLGRAPH_CONNECT_TIMEOUT_SECONDS)");
        } catch (ExecutionException e) {
            driver.close();
            throw describe(uri, user, e.getCause() == null ? e : e.getCause());
        }
    }

    private static SkillGraphException describe(URI uri, String user, Throwable cause) {
        if (cause instanceof AuthenticationException || cause instanceof SecurityException) {
            return SkillGraphException.startFailed(
                    cause,
                    "Neo4j at " + uri + " refused the credentials of user '" + user
                            + "' (check SKILLGRAPH_NEO4J_USER / SKILLGRAPH_NEO4J_PASSWORD): " + cause.getMessage());
        }
        if (cause instanceof ServiceUnavailableException) {
            return SkillGraphException.startFailed(cause, "Neo4j at " + uri + " is unreachable: " + cause.getMessage());
        }
        return SkillGraphException.startFailed(cause, "cannot connect to Neo4j at " + uri + ": " + cause);
    }
}
