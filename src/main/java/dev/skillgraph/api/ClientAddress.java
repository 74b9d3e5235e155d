package dev.skillgraph.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who a request comes from: the socket's peer address, or, when that peer is a trusted proxy, the rightmost address in
 * {@code Forwarded} (RFC 7239) or else {@code X-Forwarded-For} that is not itself a trusted proxy. Headers from any
 * other peer are ignored, so a client cannot choose its own rate-limit bucket or access-log address by sending them.
 * The rule is the one Nginx's {@code real_ip_recursive} and Jetty's documentation describe; matching addresses against
 * the trusted list (single addresses, CIDRs, ranges, IPv4 and IPv6) is Jetty's {@link InetAddressSet}.
 */
public final class ClientAddress {

    /** An IPv4 or IPv6 literal: what may be looked up without asking DNS. */
    private static final String LITERAL = "\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*";

    private static final Pattern ADDRESS = Pattern.compile(LITERAL);
    private static final Pattern PATTERN =
            Pattern.compile("(?:" + LITERAL + ")(?:/\\d{1,3})?|(?:" + LITERAL + ")-(?:" + LITERAL + ")");

    private final InetAddressSet trusted = new InetAddressSet();
    private final boolean any;

    /**
     * @param trustedProxies addresses, CIDR blocks or ranges of the proxies in front of the service (e.g.
     *     {@code 10.0.0.0/8}, {@code 127.0.0.1}); empty trusts none
     * @throws IllegalArgumentException naming the first entry that is not an address, CIDR or range
     */
    public ClientAddress(List<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            try {
                // Literal addresses only: a host name would be looked up in DNS, once, and trusted forever after.
                if (!PATTERN.matcher(proxy.strip()).matches()) {
                    throw new IllegalArgumentException(proxy);
                }
                trusted.add(proxy.strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "'" + proxy
                                + "' is not an IP address, a CIDR block (10.0.0.0/8) or a range (10.0.0.1-10.0.0.9)",
                        e);
            }
        }
        this.any = !trustedProxies.isEmpty();
    }

    /** The client's address for {@code request}. */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!any || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedFor(request);
        String nearest = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                // Not an address ("unknown", an obfuscated name, garbage): the last proxy that saw the client is as
                // close as anyone can tell, and nobody chooses their bucket by sending text.
                return ADDRESS.matcher(hop).matches() && hop.length() <= 45 ? hop : nearest;
            }
            nearest = hop;
        }
        // Every hop is a trusted proxy: the leftmost is as far back as anyone trusted can see.
        return chain.isEmpty() ? peer : chain.get(0);
    }

    private boolean isTrusted(String address) {
        // Only literals: "unknown", an obfuscated identifier or a host name is no proxy we trust, and is never looked
        // up in DNS.
        if (!ADDRESS.matcher(address).matches()) {
            return false;
        }
        try {
            return trusted.test(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The addresses a request passed through, client first: {@code Forwarded}'s {@code for=}, else X-Forwarded-For. */
    static List<String> forwardedFor(HttpServletRequest request) {
        List<String> chain = new ArrayList<>();
        List<String> forwarded = Collections.list(request.getHeaders("Forwarded"));
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    for (String pair : element.split(";")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0
                                && pair.substring(0, eq)
                                        .strip()
                                        .toLowerCase(Locale.ROOT)
                                        .equals("for")) {
                            chain.add(node(pair.substring(eq + 1).strip()));
                        }
                    }
                }
            }
            return chain;
        }
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(node(hop.strip()));
                }
            }
        }
        return chain;
    }

    /** An RFC 7239 node without quotes, brackets or port: {@code "[2001:db8::1]:4711"} is {@code 2001:db8::1}. */
    private static String node(String value) {
        String node = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                ? value.substring(1, value.length() - 1)
                : value;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close > 0 ? node.substring(1, close) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }
}
