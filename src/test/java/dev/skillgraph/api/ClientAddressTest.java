package dev.skillgraph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forwarded headers name the client only when they come from a trusted proxy, and then the rightmost untrusted hop. */
class ClientAddressTest {

    /** A request from {@code peer} with {@code headers} (each header name to its values): only what the rule reads. */
    private static HttpServletRequest request(String peer, Map<String, List<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault((String) a[0], List.of()));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1", "::1"));

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClientWhateverTheHeadersSay() {
        ClientAddress none = new ClientAddress(List.of());
        assertThat(none.of(request("198.51.100.7", Map.of("X-Forwarded-For", List.of("203.0.113.9")))))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void anUntrustedPeerCannotSpoofItsAddress() {
        assertThat(BEHIND_PROXIES.of(request(
                        "198.51.100.7",
                        Map.of("X-Forwarded-For", List.of("203.0.113.9"), "Forwarded", List.of("for=203.0.113.9")))))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        // The client forged the first entry; the proxies appended the real address and each other.
        assertThat(BEHIND_PROXIES.of(
                        request("10.0.0.2", Map.of("X-Forwarded-For", List.of("1.2.3.4, 203.0.113.9", "10.0.0.1")))))
                .isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.of(request("127.0.0.1", Map.of("X-Forwarded-For", List.of("10.0.0.5, 10.0.0.1")))))
                .as("every hop trusted: the leftmost")
                .isEqualTo("10.0.0.5");
        assertThat(BEHIND_PROXIES.of(request("10.0.0.2", Map.of())))
                .as("no header: the proxy itself")
                .isEqualTo("10.0.0.2");
    }

    @Test
    void forwardedWinsOverXForwardedForAndItsQuotedIpv6AndPortsAreRead() {
        assertThat(BEHIND_PROXIES.of(request(
                        "::1",
                        Map.of(
                                "Forwarded", List.of("for=192.0.2.60;proto=http, for=\"[2001:db8:cafe::17]:4711\""),
                                "X-Forwarded-For", List.of("203.0.113.9")))))
                .isEqualTo("2001:db8:cafe::17");
        assertThat(BEHIND_PROXIES.of(request("10.1.2.3", Map.of("Forwarded", List.of("for=unknown, for=10.0.0.9")))))
                .as("an unknown hop is no client: the last proxy that saw it stands in")
                .isEqualTo("10.0.0.9");
        assertThat(BEHIND_PROXIES.of(request("10.1.2.3", Map.of("X-Forwarded-For", List.of("b".repeat(6000))))))
                .as("text is no address")
                .isEqualTo("10.1.2.3");
        assertThat(BEHIND_PROXIES.of(request("10.1.2.3", Map.of("Forwarded", List.of("For=198.51.100.17:8080")))))
                .isEqualTo("198.51.100.17");
    }

    @Test
    void aTrustedProxyListThatIsNoAddressIsRefusedByName() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/8", "proxy.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'proxy.example'");
    }
}
