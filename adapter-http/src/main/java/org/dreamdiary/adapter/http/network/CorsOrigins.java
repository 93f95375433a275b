package org.dreamdiary.adapter.http.network;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The web origins whose pages may call the API from a browser: none (the default), a list, or any ({@code *}).
 * Origins are compared as browsers send them: scheme and host in lower case, a default port left out.
 */
public final class CorsOrigins {
    private static final CorsOrigins NONE = new CorsOrigins(false, Set.of());
    private static final String ANY = "*";

    private final boolean any;
    private final Set<String> listed;

    private CorsOrigins(boolean any, Set<String> listed) {
        this.any = any;
        this.listed = listed;
    }

    public static CorsOrigins none() {
        return NONE;
    }

    /**
     * {@code *}, or comma-separated origins such as {@code https://app.example.com,http://localhost:5173}; blank
     * means none.
     *
     * @throws IllegalArgumentException naming the first entry that is not an origin
     */
    public static CorsOrigins parse(String text) {
        if (text.isBlank()) {
            return NONE;
        }
        if (text.strip().equals(ANY)) {
            return new CorsOrigins(true, Set.of());
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : text.split(",")) {
            origins.add(origin(entry.strip()));
        }
        return new CorsOrigins(false, Collections.unmodifiableSet(origins));
    }

    /** Whether only listed origins are allowed, so that responses vary with the request's {@code Origin}. */
    public boolean listOnly() {
        return !listed.isEmpty();
    }

    /** Whether a page from {@code origin} (the request's {@code Origin} header) may read the API's responses. */
    public boolean allows(String origin) {
        return origin != null && (any || listed.contains(origin.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether a live socket may be opened from {@code origin}: browsers send it on every socket, and do not apply
     * CORS to sockets, so a list is checked here. Without a list the socket is open to every origin, as the rest of
     * the API: its token travels in the request, never in a cookie a foreign page could borrow.
     */
    public boolean allowsSocketFrom(String origin) {
        return origin == null || !listOnly() || allows(origin);
    }

    @Override
    public String toString() {
        return any ? ANY : String.join(",", listed);
    }

    private static String origin(String entry) {
        try {
            URI uri = new URI(entry);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare) {
                int port = uri.getPort();
                boolean defaultPort = port == -1 || port == (scheme.equals("https") ? 443 : 80);
                return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
            }
        } catch (URISyntaxException ignored) {
            // reported below, like any other entry that is not an origin
        }
        throw new IllegalArgumentException("\"" + entry + "\" is not an origin such as https://app.example.com");
    }
}
