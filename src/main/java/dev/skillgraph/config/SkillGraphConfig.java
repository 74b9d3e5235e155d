package dev.skillgraph.config;

import dev.skillgraph.error.SkillGraphException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The validated, immutable configuration of one SkillGraph process, read from {@code SKILLGRAPH_*} environment
 * variables and mirrored by {@code --kebab-case=value} flags (flags win).
 */
public record SkillGraphConfig(
        String httpHost,
        int httpPort,
        Optional<URI> neo4jUri,
        String neo4jUser,
        Optional<String> neo4jPassword,
        Path dataDir,
        int boltPort,
        int browserPort,
        Path seedDir,
        Optional<String> adminToken,
        Duration connectTimeout,
        Duration refreshInterval,
        List<String> corsOrigins,
        int rateLimit,
        List<String> trustedProxies,
        List<String> browserOrigins,
        boolean semanticSearch,
        int answerCacheMegabytes) {

    /** Every setting: its environment variable, the flag that mirrors it, and its default (null: unset). */
    enum Setting {
        HTTP_HOST("127.0.0.1"),
        HTTP_PORT("7000"),
        NEO4J_URI(null),
        NEO4J_USER("neo4j"),
        NEO4J_PASSWORD(null),
        DATA_DIR("./data"),
        BOLT_PORT("7687"),
        BROWSER_PORT("7474"),
        SEED_DIR("./graph-seed"),
        ADMIN_TOKEN(null),
        CONNECT_TIMEOUT_SECONDS("15"),
        REFRESH_SECONDS("10"),
        CORS_ORIGINS(null),
        RATE_LIMIT("0"),
        TRUSTED_PROXIES(null),
        BROWSER_ORIGINS(null),
        SEMANTIC_SEARCH("on"),
        ANSWER_CACHE_MB("16");

        final @Nullable String defaultValue;

        Setting(@Nullable String defaultValue) {
            this.defaultValue = defaultValue;
        }

        String variable() {
            return "SKILLGRAPH_" + name();
        }

        String flag() {
            return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Set<String> URI_SCHEMES =
            Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    public SkillGraphConfig {
        requirePort("SKILLGRAPH_HTTP_PORT", httpPort);
        requirePort("SKILLGRAPH_BOLT_PORT", boltPort);
        requirePort("SKILLGRAPH_BROWSER_PORT", browserPort);
        if (httpHost == null || httpHost.isBlank()) {
            throw SkillGraphException.misconfigured("SKILLGRAPH_HTTP_HOST must not be blank");
        }
        neo4jUri.ifPresent(SkillGraphConfig::requireSupportedUri);
        adminToken.ifPresent(token -> {
            if (token.length() < 16) {
                throw SkillGraphException.misconfigured(
                        "SKILLGRAPH_ADMIN_TOKEN must be at least 16 characters long (got " + token.length() + ")");
            }
        });
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw SkillGraphException.misconfigured("SKILLGRAPH_CONNECT_TIMEOUT_SECONDS must be positive");
        }
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                throw SkillGraphException.misconfigured("SKILLGRAPH_CORS_ORIGINS must list origins such as "
                        + "https://app.example.com (or *), got '" + origin + "'");
            }
        }
        if (rateLimit < 0) {
            throw SkillGraphException.misconfigured("SKILLGRAPH_RATE_LIMIT must be 0 (off) or more, got " + rateLimit);
        }
        // Each entry is checked where it is parsed, by the API's ClientAddress, when the service starts.
        trustedProxies = List.copyOf(trustedProxies);
        browserOrigins = List.copyOf(browserOrigins);
        for (String origin : browserOrigins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw SkillGraphException.misconfigured("SKILLGRAPH_BROWSER_ORIGINS must list origins such as "
                        + "http://localhost:7474, got '" + origin + "'");
            }
        }
        if (answerCacheMegabytes < 0) {
            throw SkillGraphException.misconfigured(
                    "SKILLGRAPH_ANSWER_CACHE_MB must be 0 (off) or more, got " + answerCacheMegabytes);
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw SkillGraphException.misconfigured("SKILLGRAPH_REFRESH_SECONDS must be positive");
        }
    }

    /** Reads the configuration from the process environment and command-line flags. */
    public static SkillGraphConfig load(Map<String, String> environment, List<String> args) {
        Map<Setting, String> values = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.variable());
            values.put(setting, value == null || value.isBlank() ? setting.defaultValue : value.trim());
        }
        for (String arg : args) {
            values.put(flagSetting(arg), arg.substring(arg.indexOf('=') + 1).trim());
        }
        return new SkillGraphConfig(
                defaulted(Setting.HTTP_HOST, values),
                integer(Setting.HTTP_PORT, values),
                optional(values.get(Setting.NEO4J_URI)).map(SkillGraphConfig::parseUri),
                defaulted(Setting.NEO4J_USER, values),
                optional(values.get(Setting.NEO4J_PASSWORD)),
                Path.of(defaulted(Setting.DATA_DIR, values)).toAbsolutePath().normalize(),
                integer(Setting.BOLT_PORT, values),
                integer(Setting.BROWSER_PORT, values),
                Path.of(defaulted(Setting.SEED_DIR, values)).toAbsolutePath().normalize(),
                optional(values.get(Setting.ADMIN_TOKEN)),
                Duration.ofSeconds(integer(Setting.CONNECT_TIMEOUT_SECONDS, values)),
                Duration.ofSeconds(integer(Setting.REFRESH_SECONDS, values)),
                list(values.get(Setting.CORS_ORIGINS)),
                integer(Setting.RATE_LIMIT, values),
                list(values.get(Setting.TRUSTED_PROXIES)),
                list(values.get(Setting.BROWSER_ORIGINS)),
                onOff(Setting.SEMANTIC_SEARCH, values),
                integer(Setting.ANSWER_CACHE_MB, values));
    }

    /** True when the service starts its own Neo4j instead of using an external server. */
    public boolean embedded() {
        return neo4jUri.isEmpty();
    }

    /** The settings as they may be logged: secrets are only said to be set or not. */
    public String describe() {
        return ("http=%s:%d neo4j=%s dataDir=%s boltPort=%d browserPort=%d seedDir=%s adminToken=%s cors=%s "
                        + "rateLimit=%s trustedProxies=%s semanticSearch=%s answerCache=%s")
                .formatted(
                        httpHost,
                        httpPort,
                        neo4jUri.map(uri -> uri + " (user " + neo4jUser + ", password "
                                        + (neo4jPassword.isPresent() ? "set" : "unset") + ")")
                                .orElse("embedded"),
                        dataDir,
                        boltPort,
                        browserPort,
                        seedDir,
                        adminToken.isPresent() ? "set" : "unset (admin endpoints disabled)",
                        corsOrigins.isEmpty() ? "off" : corsOrigins,
                        rateLimit == 0 ? "off" : rateLimit + "/s per client",
                        trustedProxies.isEmpty() ? "none" : trustedProxies,
                        semanticSearch ? "on" : "off",
                        answerCacheMegabytes == 0 ? "off" : answerCacheMegabytes + " MB");
    }

    @Override
    public String toString() {
        return "SkillGraphConfig[" + describe() + "]";
    }

    private static Setting flagSetting(String arg) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        for (Setting setting : Setting.values()) {
            if (setting.flag().equals(name) && eq > 0) {
                return setting;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Setting setting : Setting.values()) {
            known.append(known.isEmpty() ? "" : ", ").append(setting.flag()).append("=...");
        }
        throw SkillGraphException.misconfigured("unknown argument '" + arg + "'; flags are " + known);
    }

    /** A setting that has a default, so always a value. */
    private static String defaulted(Setting setting, Map<Setting, String> values) {
        return Objects.requireNonNull(values.get(setting), setting.variable());
    }

    private static boolean onOff(Setting setting, Map<Setting, String> values) {
        String value = defaulted(setting, values).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw SkillGraphException.misconfigured(
                    setting.variable() + " must be on or off, got '" + value + "'");
        };
    }

    private static int integer(Setting setting, Map<Setting, String> values) {
        String value = values.get(setting);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw SkillGraphException.misconfigured(
                    value != null && value.matches("[+-]?\\d+")
                            ? setting.variable() + " must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                                    + ", got " + value
                            : setting.variable() + " must be a whole number, got '" + value + "'");
        }
    }

    /** A comma-separated list; blank entries are dropped. */
    private static List<String> list(@Nullable String value) {
        return optional(value)
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(o -> !o.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static Optional<String> optional(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static URI parseUri(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw SkillGraphException.misconfigured("SKILLGRAPH_NEO4J_URI is not a valid URI: '" + value + "'");
        }
    }

    private static void requireSupportedUri(URI uri) {
        if (uri.getScheme() == null || !URI_SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
            throw SkillGraphException.misconfigured("SKILLGRAPH_NEO4J_URI must look like bolt://host:7687, "
                    + "neo4j://host:7687 or neo4j+s://host; schemes allowed: " + URI_SCHEMES + "; got '" + uri + "'");
        }
    }

    private static void requirePort(String variable, int port) {
        if (port < 0 || port > 65535) {
            throw SkillGraphException.misconfigured(
                    variable + " must be between 0 (pick a free port) and 65535, got " + port);
        }
    }
}
