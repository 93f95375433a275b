package org.dreamdiary.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256Test {

    @Test
    void aDigestIsWrittenAsLowercaseHex() throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(Sha256.of(digest).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void leadingZeroNibblesAreKept() {
        assertThat(Sha256.of(new byte[32]).hex()).isEqualTo("0".repeat(64));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015adf",
            "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    })
    void anythingButSixtyFourLowercaseHexDigitsIsRefused(String hex) {
        assertThatThrownBy(() -> new Sha256(hex)).isInstanceOf(InvalidValueException.class);
    }
}
