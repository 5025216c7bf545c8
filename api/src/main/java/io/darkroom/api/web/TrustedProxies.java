package io.darkroom.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Behind nginx, Traefik or a load balancer: a request from one of {@code DARKROOM_TRUSTED_PROXIES}
 * (CIDR blocks; none by default) is taken to come from the client its {@code Forwarded} (RFC 7239) or
 * {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}/{@code -Port} headers name: the nearest address
 * that is not itself a trusted proxy, walking the chain from the right. The lock-out, the audit trail,
 * usage and {@code url}/{@code secure_url} then see that client, scheme and host. From any other
 * address the headers are ignored, so a client cannot claim to be someone else.
 */
public class TrustedProxies extends OncePerRequestFilter {
    private final List<Cidr> proxies;

    public TrustedProxies(List<Cidr> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return proxies.isEmpty() || !trusted(request.getRemoteAddr());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Forwarded forwarded = forwardedOf(request);
        chain.doFilter(forwarded == null ? request : new ForwardedRequest(request, forwarded), response);
    }

    private boolean trusted(String address) {
        for (Cidr proxy : proxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** What the proxies say of the client; null when they say nothing usable. */
    private Forwarded forwardedOf(HttpServletRequest request) {
        List<String> chain = new ArrayList<>();
        String proto = null;
        String host = null;
        String standard = request.getHeader("Forwarded");
        if (standard != null) {
            for (String element : standard.split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).trim());
                    switch (key) {
                        case "for" -> chain.add(addressOf(value));
                        case "proto" -> proto = proto == null ? value : proto;
                        case "host" -> host = host == null ? value : host;
                        default -> {
                        }
                    }
                }
            }
        } else {
            for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
                for (String address : header.split(",")) {
                    chain.add(address.trim());
                }
            }
            proto = first(request.getHeader("X-Forwarded-Proto"));
            host = first(request.getHeader("X-Forwarded-Host"));
            String port = first(request.getHeader("X-Forwarded-Port"));
            if (host != null && port != null && host.indexOf(':') < 0 && port.matches("\\d{1,5}")) {
                host = host + ":" + port;
            }
        }
        String client = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String address = chain.get(i);
            if (Cidr.literal(address) == null) {
                break;
            }
            client = address;
            if (!trusted(address)) {
                break;
            }
        }
        if (proto != null && !proto.equalsIgnoreCase("http") && !proto.equalsIgnoreCase("https")) {
            proto = null;
        }
        if (host != null && !host.matches("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9a-fA-F:.]+](:\\d{1,5})?")) {
            host = null;
        }
        if (client == null && proto == null && host == null) {
            return null;
        }
        return new Forwarded(client, proto == null ? null : proto.toLowerCase(Locale.ROOT), host);
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",")[0].trim();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code for=} values: {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code [2001:db8::1]:5678}, or an obfuscated name. */
    private static String addressOf(String value) {
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    private record Forwarded(String client, String proto, String host) {
    }

    /** The request as the client sent it to the proxy: its address, scheme and host. */
    private static final class ForwardedRequest extends HttpServletRequestWrapper {
        private final Forwarded forwarded;

        ForwardedRequest(HttpServletRequest request, Forwarded forwarded) {
            super(request);
            this.forwarded = forwarded;
        }

        @Override
        public String getRemoteAddr() {
            return forwarded.client() != null ? forwarded.client() : super.getRemoteAddr();
        }

        @Override
        public String getRemoteHost() {
            return getRemoteAddr();
        }

        @Override
        public String getScheme() {
            return forwarded.proto() != null ? forwarded.proto() : super.getScheme();
        }

        @Override
        public boolean isSecure() {
            return forwarded.proto() != null ? forwarded.proto().equals("https") : super.isSecure();
        }

        @Override
        public String getServerName() {
            if (forwarded.host() == null) {
                return super.getServerName();
            }
            String host = forwarded.host();
            if (host.startsWith("[")) {
                return host.substring(0, host.indexOf(']') + 1);
            }
            int colon = host.lastIndexOf(':');
            return colon < 0 ? host : host.substring(0, colon);
        }

        @Override
        public int getServerPort() {
            if (forwarded.host() == null) {
                return forwarded.proto() != null ? (forwarded.proto().equals("https") ? 443 : 80) : super.getServerPort();
            }
            String host = forwarded.host();
            int colon = host.lastIndexOf(':');
            if (colon > host.lastIndexOf(']')) {
                return Integer.parseInt(host.substring(colon + 1));
            }
            return getScheme().equals("https") ? 443 : 80;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!(port == 80 && getScheme().equals("http")) && !(port == 443 && getScheme().equals("https"))) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
