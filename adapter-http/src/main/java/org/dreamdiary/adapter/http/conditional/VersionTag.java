package org.dreamdiary.adapter.http.conditional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strong ETag of a representation of a versioned resource: {@code "<version>-<digest>"}, the resource's version
 * and a digest of the representation's exact JSON bytes. The digest makes the tag change with anything in the body,
 * derived values included (a goal's progress, a task's {@code overdue}) that change without the version, so
 * {@code If-None-Match} never answers {@code 304} for bytes the client does not hold; the version is what
 * {@code If-Match} compares, since it is what the writing statement can require.
 */
final class VersionTag {
    /** Base64url of the first 18 bytes of SHA-256: 144 bits, no padding. */
    private static final int DIGEST_BYTES = 18;
    private static final Pattern FORM = Pattern.compile("\"([1-9][0-9]{0,17})-[A-Za-z0-9_-]{24}\"");

    private VersionTag() {
    }

    static String of(long version, byte[] json) {
        return "\"" + version + "-" + digest(json) + "\"";
    }

    /** The version a tag of this form carries; empty for any other tag, weak ones ({@code W/"…"}) included. */
    static OptionalLong versionOf(String tag) {
        Matcher matcher = FORM.matcher(tag);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    private static String digest(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, DIGEST_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
