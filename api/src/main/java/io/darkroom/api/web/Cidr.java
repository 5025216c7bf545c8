package io.darkroom.api.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** An address block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address), IPv4 and IPv6. */
public record Cidr(byte[] network, int prefix) {
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
        }
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("Invalid prefix length in " + text);
        }
        return new Cidr(bytes, prefix);
    }

    /** Blocks separated by commas or spaces; none for a blank text. */
    public static List<Cidr> parseList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    public boolean contains(String address) {
        byte[] bytes = literal(address);
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes of an IP literal, or null for anything else: host names are never resolved, so a
     * header cannot make Darkroom look a name up.
     */
    static byte[] literal(String address) {
        if (address == null || address.length() > 45
                || !(address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*"))) {
            // "beef" is hex but a host name: InetAddress would look it up
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
