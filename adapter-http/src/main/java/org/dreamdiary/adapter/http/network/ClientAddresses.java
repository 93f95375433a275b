package org.dreamdiary.adapter.http.network;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the client's address: the socket's remote address, unless that is one of the trusted proxies. Then the
 * {@code X-Forwarded-For} entries are read from the right (each proxy appends the address it was reached from),
 * skipping trusted proxies, and the first one that is not trusted is the client. With no trusted proxy, the
 * default, {@code X-Forwarded-For} is never read: anyone can write it.
 */
public final class ClientAddresses {
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Only address literals are parsed, so that no name is ever looked up. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Network> trusted;

    private ClientAddresses(List<Network> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** Trusted proxies as comma-separated addresses and CIDR blocks ({@code 10.0.0.0/8, 2001:db8::/32}); blank for none. */
    public static ClientAddresses trusting(String proxies) {
        List<Network> networks = new ArrayList<>();
        for (String entry : proxies.split(",")) {
            if (!entry.isBlank()) {
                networks.add(Network.parse(entry.strip()));
            }
        }
        return new ClientAddresses(networks);
    }

    /** The client address of a request. */
    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders(FORWARDED_FOR)));
    }

    /** The client behind {@code remote}, given the {@code X-Forwarded-For} header lines in the order received. */
    String resolve(String remote, List<String> forwardedFor) {
        String client = normalized(remote);
        if (!isTrusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(line -> hops.addAll(List.of(line.split(","))));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalized(hops.get(i).strip());
            if (literal(hop) == null) {
                // a trusted proxy would not have written this: the nearest address known for sure is the answer
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String text) {
        InetAddress address = literal(text);
        return address != null && trusted.stream().anyMatch(network -> network.contains(address));
    }

    private static String normalized(String text) {
        InetAddress address = literal(text);
        return address == null ? text : address.getHostAddress();
    }

    private static InetAddress literal(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block: the first {@code prefix} bits of {@code address}. */
    private record Network(byte[] address, int prefix) {
        static Network parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: \"" + text + "\"");
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("not a valid prefix length in \"" + text + "\"");
            }
            return new Network(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((other[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
