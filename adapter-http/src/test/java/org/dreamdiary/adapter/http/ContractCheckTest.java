package org.dreamdiary.adapter.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The end-to-end client's OpenAPI check is only worth something if it rejects a response that breaks the document. */
class ContractCheckTest {
    @Test
    void givenResponseBreakingItsDocumentedSchema_whenReceived_thenTheClientFailsTheTest() {
        try (ProbeServer server = new ProbeServer()) {
            assertThatThrownBy(() -> server.client().get("/probe/contract-breach"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("does not match the OpenAPI document")
                    .hasMessageContaining("ETag")
                    .hasMessageContaining("title");
        }
    }
}
