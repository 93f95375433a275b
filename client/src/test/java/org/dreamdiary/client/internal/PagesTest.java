package org.dreamdiary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagesTest {
    @Test
    void theNextRelationIsFoundAmongTheOthersOfALinkHeader() {
        String header = "</api/v1/dreams?page=1&per_page=2>; rel=\"first\", </api/v1/dreams?page=3&per_page=2>; "
                + "rel=\"next\", </api/v1/dreams?page=9&per_page=2>; rel=\"last\"";

        assertThat(Pages.relation(header, "next")).contains("/api/v1/dreams?page=3&per_page=2");
        assertThat(Pages.relation(header, "prev")).isEmpty();
    }
}
