package org.dreamdiary.adapter.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressesTest {
    private static final ClientAddresses BEHIND_TWO_PROXIES = ClientAddresses.trusting("10.0.0.0/8, 192.0.2.10, 2001:db8::/32");

    @Test
    void givenNoTrustedProxy_whenXForwardedForIsSent_thenItIsIgnoredAndTheSocketsAddressCounts() {
        ClientAddresses byDefault = ClientAddresses.trusting("");

        assertThat(byDefault.resolve("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(byDefault.resolve("10.0.0.1", List.of("198.51.100.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void givenAnUntrustedPeer_whenItSendsXForwardedFor_thenItIsIgnored() {
        assertThat(BEHIND_TWO_PROXIES.resolve("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void givenATrustedProxy_whenItForwards_thenTheRightMostUntrustedEntryIsTheClientAndSpoofedEntriesLeftOfItAreIgnored() {
        // the client sent "1.1.1.1" itself; the first proxy appended the client's real address, the second the first proxy's
        assertThat(BEHIND_TWO_PROXIES.resolve("10.1.2.3", List.of("1.1.1.1, 198.51.100.23, 192.0.2.10")))
                .isEqualTo("198.51.100.23");
    }

    @Test
    void givenSeveralHeaderLines_whenResolved_thenTheyAreReadAsOneListInOrder() {
        assertThat(BEHIND_TWO_PROXIES.resolve("10.1.2.3", List.of("1.1.1.1", "198.51.100.23", "10.9.9.9")))
                .isEqualTo("198.51.100.23");
    }

    @Test
    void givenATrustedProxyWithoutXForwardedFor_whenResolved_thenTheProxysAddressIsAllThereIs() {
        assertThat(BEHIND_TWO_PROXIES.resolve("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void givenOnlyTrustedEntries_whenResolved_thenTheLeftMostIsTheClient() {
        assertThat(BEHIND_TWO_PROXIES.resolve("10.1.2.3", List.of("10.5.5.5, 192.0.2.10"))).isEqualTo("10.5.5.5");
    }

    @Test
    void givenGarbageInXForwardedFor_whenResolved_thenTheNearestAddressKnownForSureIsTheClient() {
        assertThat(BEHIND_TWO_PROXIES.resolve("10.1.2.3", List.of("198.51.100.23, not-an-address"))).isEqualTo("10.1.2.3");
        assertThat(BEHIND_TWO_PROXIES.resolve("10.1.2.3", List.of("example.com, 10.4.4.4"))).isEqualTo("10.4.4.4");
    }

    @Test
    void givenIpv6_whenResolved_thenBlocksMatchAndAddressesComeOutInOneSpelling() {
        assertThat(BEHIND_TWO_PROXIES.resolve("2001:db8:0:0:0:0:0:1", List.of("[2001:0DB9::5]")))
                .isEqualTo("2001:db9:0:0:0:0:0:5");
        assertThat(BEHIND_TWO_PROXIES.resolve("2001:db9::1", List.of("198.51.100.23"))).isEqualTo("2001:db9:0:0:0:0:0:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "::/129", "1.2.3"})
    void givenSomethingThatIsNoAddressOrBlock_whenConfigured_thenItIsRefused(String proxies) {
        assertThatThrownBy(() -> ClientAddresses.trusting(proxies)).isInstanceOf(IllegalArgumentException.class);
    }
}
