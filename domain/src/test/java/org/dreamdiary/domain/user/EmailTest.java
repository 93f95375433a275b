package org.dreamdiary.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "alice@example.com",
            "Alice.Smith@Example.COM",
            "first.last+tag@mail.example.org",
            "user_name-1@sub-domain.example.co.uk",
            "x@y.io",
            "o'brien@example.ie",
            "123@456.net"
    })
    void typicalAddressesAreAccepted(String address) {
        assertThat(new Email(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice.example.com", "alice", "@", "alice@@example.com", "al@ice@example.com"})
    void anAddressWithoutExactlyOneAtSignIsRefused(String address) {
        assertThatThrownBy(() -> new Email(address))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be a valid e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@localhost", "alice@example", "alice@example.", "alice@.com"})
    void anAddressWithoutADotSeparatedTopLevelDomainIsRefused(String address) {
        assertThatThrownBy(() -> new Email(address)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ".alice@example.com", "alice.@example.com", "al..ice@example.com", "alice@example..com",
            "alice@-example.com", "alice@example-.com", "@example.com", "alice@"
    })
    void leadingTrailingOrDoubleDotsAndEmptyPartsAreRefused(String address) {
        assertThatThrownBy(() -> new Email(address)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ali ce@example.com", " alice@example.com", "alice@example.com ", "jürgen@example.de",
            "alice@exämple.de", "alice@example.com\n"})
    void spacesAndNonAsciiCharactersAreRefused(String address) {
        assertThatThrownBy(() -> new Email(address)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingOrEmptyAddressIsRefused(String address) {
        assertThatThrownBy(() -> new Email(address)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anAddressOfExactly254CharactersIsAccepted() {
        String address = addressOfLength(254);
        assertThat(address).hasSize(254);

        assertThat(new Email(address).value()).isEqualTo(address);
    }

    @Test
    void anAddressLongerThan254CharactersIsRefusedEvenIfWellShaped() {
        String address = addressOfLength(255);
        assertThat(address).hasSize(255);

        assertThatThrownBy(() -> new Email(address))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be a valid e-mail address");
    }

    @Test
    void aLocalPartOfMoreThan64CharactersIsRefused() {
        assertThat(new Email("a".repeat(64) + "@example.com").value()).startsWith("a");
        assertThatThrownBy(() -> new Email("a".repeat(65) + "@example.com")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theCanonicalFormIsTheWholeAddressLowerCased() {
        Email email = new Email("Alice.Smith@Example.COM");

        assertThat(email.value()).isEqualTo("Alice.Smith@Example.COM");
        assertThat(email.canonical()).isEqualTo("alice.smith@example.com");
    }

    /** A well-shaped address (64-character local part, labels of at most 63) of exactly {@code length} characters. */
    private static String addressOfLength(int length) {
        String local = "l".repeat(64);
        StringBuilder domain = new StringBuilder();
        int remaining = length - local.length() - 1 - ".com".length();
        while (remaining > 0) {
            if (domain.length() > 0) {
                domain.append('.');
                remaining--;
            }
            int label = Math.min(63, remaining);
            if (remaining - label == 1) {
                label--; // never leave room for a lone dot with nothing after it
            }
            domain.append("d".repeat(label));
            remaining -= label;
        }
        return local + "@" + domain + ".com";
    }
}
