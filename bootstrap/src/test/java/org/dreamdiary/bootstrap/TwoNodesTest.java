package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.dreamdiary.testsupport.http.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * An end-to-end test class on two nodes: two instances of the service on one database schema, sharing the token
 * secret as a cluster would, with a checking client each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoNodesTest {
    private static final String SHARED_SECRET = "a-token-secret-both-nodes-share-0123456789";

    protected RunningService nodeA;
    protected RunningService nodeB;
    protected ApiClient a;
    protected ApiClient b;

    /** Settings both nodes get besides the shared secret. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @BeforeAll
    void startTwoNodes() {
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("JWT_SECRET", SHARED_SECRET);
        nodeA = RunningService.start(environment);
        nodeB = nodeA.anotherNode();
        a = nodeA.client();
        b = nodeB.client();
        assertThat(nodeB.baseUri()).isNotEqualTo(nodeA.baseUri());
    }

    @AfterAll
    void stopBoth() {
        try {
            nodeB.close();
        } finally {
            nodeA.close();
        }
    }
}
