package io.dateline.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The SSRF rules: which URLs and addresses an outbound fetch may reach. Internal addresses
 * (loopback, link-local such as the cloud metadata service at 169.254.169.254, private and
 * unique-local networks, CGNAT, multicast, unspecified and reserved ranges, and IPv6 forms that
 * embed one of them) are refused unless the operator allow-listed them.
 */
public final class Destinations {

    private final List<String> allowedNames;

    private final List<IpAddressMatcher> allowedBlocks;

    private final List<Integer> allowedPorts;

    public Destinations(OutboundProperties properties) {
        this.allowedNames = properties.allowedHosts().stream()
                .filter(entry -> !isAddressOrBlock(entry))
                .map(entry -> entry.toLowerCase(Locale.ROOT))
                .toList();
        this.allowedBlocks = properties.allowedHosts().stream()
                .filter(Destinations::isAddressOrBlock)
                .map(IpAddressMatcher::new)
                .toList();
        this.allowedPorts = List.copyOf(properties.allowedPorts());
    }

    /** Why the URL may not be fetched, judged on its text alone (scheme, port, literal address). */
    public Optional<String> refuseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are fetched");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("the URL has no host");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("credentials in the URL are not accepted");
        }
        int port = url.getPort();
        boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
        if (!defaultPort && !allowedPorts.contains(port) && !isAllowListed(host)) {
            return Optional.of("port " + port + " is not allowed");
        }
        return Optional.empty();
    }

    /**
     * Resolves the host and refuses it when any of its addresses is internal and not allow-listed.
     * The addresses returned are the only ones the HTTP client connects to.
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        boolean nameAllowed = allowedNames.contains(bare.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            if (!nameAllowed && isInternal(address) && !isAllowListed(address)) {
                throw new BlockedDestinationException(bare + " resolves to the internal address "
                        + address.getHostAddress() + ", which is not allowed");
            }
        }
        return Arrays.copyOf(addresses, addresses.length);
    }

    private boolean isAllowListed(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedNames.contains(bare.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return isAddressOrBlock(bare) && allowedBlocks.stream().anyMatch(block -> block.matches(bare));
    }

    private boolean isAllowListed(InetAddress address) {
        return allowedBlocks.stream().anyMatch(block -> block.matches(address.getHostAddress()));
    }

    /** True for every address that is not a public unicast address. */
    public static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isInternalIpv6(bytes);
        }
        return true;
    }

    private static boolean isInternalIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || first == 127
                || first == 10
                || (first == 100 && (second & 0xc0) == 64) // CGNAT 100.64.0.0/10
                || (first == 169 && second == 254)
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second & 0xfe) == 18) // benchmarking 198.18.0.0/15
                || first >= 224; // multicast, reserved and broadcast
    }

    private static boolean isInternalIpv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) { // unique-local fc00::/7
            return true;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // deprecated site-local fec0::/10
            return true;
        }
        boolean zeroPrefix = allZero(b, 0, 10);
        if (zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // IPv4-mapped ::ffff:a.b.c.d
            return isInternalIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (zeroPrefix && b[10] == 0 && b[11] == 0) { // IPv4-compatible ::a.b.c.d, and ::, ::1
            return true;
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isInternalIpv4(Arrays.copyOfRange(b, 12, 16)); // NAT64 64:ff9b::/96
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return isInternalIpv4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002::/16
        }
        return false;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAddressOrBlock(String entry) {
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        return address.contains(":") || address.matches("[0-9.]+");
    }
}
