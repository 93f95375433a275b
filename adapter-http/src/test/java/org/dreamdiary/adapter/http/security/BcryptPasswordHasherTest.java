package org.dreamdiary.adapter.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bcrypt at cost 12, with every byte of a long password counting. The tests of behaviour hash at cost 4 (the
 * constructor's allowance for tests) so they run in milliseconds; the format and the timing use the real cost.
 */
class BcryptPasswordHasherTest {
    private static final String BCRYPT_2B_COST_12 = "^\\$2b\\$12\\$[./A-Za-z0-9]{53}$";

    private final BcryptPasswordHasher fast = new BcryptPasswordHasher(4);

    @Test
    void givenTheProductionHasher_whenHashing_thenTheResultIsABcrypt2bStringAtCost12() {
        String hash = new BcryptPasswordHasher().hash("correct horse battery staple");

        assertThat(BcryptPasswordHasher.COST).isEqualTo(12);
        assertThat(hash).hasSize(60).matches(BCRYPT_2B_COST_12);
    }

    @Test
    void givenAHash_whenTheRightPasswordIsChecked_thenItMatches() {
        String hash = fast.hash("correct horse battery staple");

        assertThat(fast.matches("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void givenAHash_whenAWrongPasswordIsChecked_thenItDoesNotMatch() {
        String hash = fast.hash("correct horse battery staple");

        assertThat(fast.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(fast.matches("Correct horse battery staple", hash)).isFalse();
        assertThat(fast.matches("", hash)).isFalse();
    }

    @Test
    void givenOnePasswordHashedTwice_whenTheHashesAreCompared_thenTheyDifferByTheirSaltAndBothMatch() {
        String first = fast.hash("same password");
        String second = fast.hash("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.substring(7, 29)).isNotEqualTo(second.substring(7, 29));
        assertThat(fast.matches("same password", first)).isTrue();
        assertThat(fast.matches("same password", second)).isTrue();
    }

    @Test
    void givenTwoLongPasswordsSharingTheirFirst72Bytes_whenEachIsCheckedAgainstTheOthersHash_thenNeitherMatches() {
        String common = "a".repeat(72);
        String one = common + "b".repeat(28);
        String other = common + "c".repeat(28);
        assertThat(one).hasSize(100);

        String hashOfOne = fast.hash(one);
        String hashOfOther = fast.hash(other);

        // Plain bcrypt reads 72 bytes and would accept either password for both hashes.
        assertThat(fast.matches(other, hashOfOne)).isFalse();
        assertThat(fast.matches(one, hashOfOther)).isFalse();
        assertThat(fast.matches(one, hashOfOne)).isTrue();
        assertThat(fast.matches(other, hashOfOther)).isTrue();
    }

    @Test
    void givenALongPassword_whenItsLastCharacterIsDropped_thenItNoLongerMatches() {
        String longest = "p@ss-".repeat(25) + "end";
        assertThat(longest).hasSize(128);
        String hash = fast.hash(longest);

        assertThat(fast.matches(longest.substring(0, 127), hash)).isFalse();
        assertThat(fast.matches(longest, hash)).isTrue();
    }

    @Test
    void givenPasswordsWithMultibyteCharacters_whenHashed_thenTheyMatchExactlyThemselves() {
        String cyrillic = "пароль-ёжик";
        String emoji = "\uD83D\uDD12 secret \uD83D\uDC09";
        String composed = "caf\u00e9-password";
        String decomposed = "cafe\u0301-password";

        assertThat(fast.matches(cyrillic, fast.hash(cyrillic))).isTrue();
        assertThat(fast.matches(emoji, fast.hash(emoji))).isTrue();
        assertThat(fast.matches("ПАРОЛЬ-ЁЖИК", fast.hash(cyrillic))).isFalse();
        // Passwords are taken exactly as sent: no Unicode normalisation.
        assertThat(fast.matches(decomposed, fast.hash(composed))).isFalse();
    }

    @Test
    void givenMultibytePasswordsThatDifferOnlyAfterByte72_whenCheckedAgainstEachOther_thenNeitherMatches() {
        // 40 Cyrillic letters are 40 characters but 80 bytes; the difference is in bytes 79 and 80.
        String one = "ж".repeat(39) + "а";
        String other = "ж".repeat(39) + "б";
        assertThat(one).hasSize(40);
        assertThat(one.getBytes(StandardCharsets.UTF_8)).hasSize(80);

        assertThat(fast.matches(other, fast.hash(one))).isFalse();
        assertThat(fast.matches(one, fast.hash(other))).isFalse();
        assertThat(fast.matches(one, fast.hash(one))).isTrue();
    }

    @Test
    void givenTheProductionCost_whenAPasswordIsHashedAndVerified_thenTheTimeIsReported() {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher();
        hasher.matches("warm-up", hasher.hash("warm-up"));

        long started = System.nanoTime();
        String hash = hasher.hash("correct horse battery staple");
        long hashed = System.nanoTime();
        boolean matched = hasher.matches("correct horse battery staple", hash);
        long verified = System.nanoTime();

        System.out.printf("bcrypt cost %d: hash %d ms, verify %d ms, together %d ms%n", BcryptPasswordHasher.COST,
                TimeUnit.NANOSECONDS.toMillis(hashed - started), TimeUnit.NANOSECONDS.toMillis(verified - hashed),
                TimeUnit.NANOSECONDS.toMillis(verified - started));
        assertThat(matched).isTrue();
    }
}
