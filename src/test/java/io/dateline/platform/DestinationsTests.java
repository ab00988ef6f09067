package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard's address and URL rules, without any network. */
class DestinationsTests {

    final Destinations strict = new Destinations(new OutboundProperties(List.of(), List.of(), 3));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1", // loopback
                "127.1.2.3",
                "0.0.0.0", // unspecified
                "0.1.2.3", // "this network"
                "169.254.169.254", // link-local: cloud metadata
                "10.0.0.1", // private
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "100.64.0.1", // CGNAT
                "100.127.255.255",
                "224.0.0.1", // multicast
                "239.255.255.250",
                "255.255.255.255", // broadcast
                "198.18.0.1", // benchmarking
                "::", // unspecified
                "::1", // loopback
                "fe80::1", // link-local
                "fec0::1", // site-local
                "fc00::1", // unique-local
                "fd12:3456:789a::1",
                "ff02::1", // multicast
                "::ffff:127.0.0.1", // IPv4-mapped forms
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "::127.0.0.1", // IPv4-compatible
                "::10.0.0.1",
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "2002:7f00:0001::1", // 6to4 of 127.0.0.1
            })
    void internalAddressesAreRefused(String address) throws Exception {
        assertThat(Destinations.isInternal(InetAddress.getByName(address))).isTrue();
        assertThatThrownBy(() -> strict.resolve(address)).isInstanceOf(BlockedDestinationException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "8.8.8.8",
                "100.63.255.255", // just below CGNAT
                "100.128.0.1", // just above it
                "172.32.0.1", // just above 172.16/12
                "2606:4700::1111",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808", // NAT64 of 8.8.8.8
            })
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(Destinations.isInternal(InetAddress.getByName(address))).isFalse();
        assertThat(strict.resolve(address)).hasSize(1);
    }

    @Test
    void namesAreCheckedOnWhatTheyResolveTo() {
        assertThatThrownBy(() -> strict.resolve("localhost"))
                .isInstanceOf(BlockedDestinationException.class)
                .hasMessageContaining("internal address");
    }

    @Test
    void theAllowListOpensExactlyWhatItNames() throws Exception {
        Destinations loopback = new Destinations(new OutboundProperties(List.of("127.0.0.1/32"), List.of(), 3));

        assertThat(loopback.resolve("127.0.0.1")).hasSize(1);
        assertThatThrownBy(() -> loopback.resolve("127.0.0.2")).isInstanceOf(BlockedDestinationException.class);
        assertThatThrownBy(() -> loopback.resolve("169.254.169.254")).isInstanceOf(BlockedDestinationException.class);
        assertThat(loopback.refuseUrl(URI.create("http://127.0.0.1:8080/feed"))).isEmpty();
        assertThat(loopback.refuseUrl(URI.create("http://127.0.0.2:8080/feed"))).isPresent();
    }

    @Test
    void onlyHttpAndHttpsOnTheirDefaultPortsUnlessAllowed() {
        assertThat(strict.refuseUrl(URI.create("https://news.example.org/rss.xml")))
                .isEmpty();
        assertThat(strict.refuseUrl(URI.create("http://news.example.org:80/rss.xml")))
                .isEmpty();
        assertThat(strict.refuseUrl(URI.create("https://news.example.org:443/rss.xml")))
                .isEmpty();
        assertThat(strict.refuseUrl(URI.create("http://news.example.org:443/rss.xml")))
                .isPresent();
        assertThat(strict.refuseUrl(URI.create("http://news.example.org:6379/")))
                .isPresent();
        assertThat(strict.refuseUrl(URI.create("ftp://news.example.org/rss.xml")))
                .isPresent();
        assertThat(strict.refuseUrl(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(strict.refuseUrl(URI.create("http://user:secret@news.example.org/")))
                .isPresent();

        Destinations withPort = new Destinations(new OutboundProperties(List.of(), List.of(8443), 3));
        assertThat(withPort.refuseUrl(URI.create("https://news.example.org:8443/rss.xml")))
                .isEmpty();
    }

    @Test
    void redactionDropsQueryAndCredentials() {
        assertThat(OutboundHttp.redact("https://user:pw@news.example.org:8443/rss.xml?key=s3cr3t#top"))
                .isEqualTo("https://news.example.org:8443/rss.xml?…");
        assertThat(OutboundHttp.redact("https://news.example.org/rss.xml"))
                .isEqualTo("https://news.example.org/rss.xml");
    }
}
