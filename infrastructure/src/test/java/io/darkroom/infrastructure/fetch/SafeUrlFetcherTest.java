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
}
