package io.darkroom.infrastructure.fetch;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class SafeUrlFetcherTest {
    @Test
    void recognises_internal_addresses() throws Exception {
        for (String internal : new String[]{"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fd00::1", "224.0.0.1"}) {
            assertThat(SafeUrlFetcher.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[]{"8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"}) {
            assertThat(SafeUrlFetcher.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void a_notification_to_a_private_address_is_refused_unless_allowed() throws Exception {
        com.sun.net.httpserver.HttpServer listener = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        listener.start();
        try {
            java.net.URI hook = java.net.URI.create("http://127.0.0.1:" + listener.getAddress().getPort() + "/hook");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SafeUrlFetcher(false, java.time.Duration.ofSeconds(2))
                            .post(hook, java.util.Map.of(), new byte[0]))
                    .isInstanceOf(io.darkroom.application.support.DarkroomException.class)
                    .hasMessage("Reaching 127.0.0.1 is not allowed: it is not a public address");
            assertThat(new SafeUrlFetcher(true, java.time.Duration.ofSeconds(2)).post(hook, java.util.Map.of(), new byte[0]))
                    .isEqualTo(204);
        } finally {
            listener.stop(0);
        }
    }
}
