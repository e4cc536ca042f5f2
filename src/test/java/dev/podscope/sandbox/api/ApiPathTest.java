package dev.podscope.sandbox.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiPathTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "/api/v1/pods,                                 '', v1, -,    pods,        -,       -,      false",
            "/api/v1/namespaces/shop/pods,                 '', v1, shop, pods,        -,       -,      false",
            "/api/v1/namespaces/shop/pods/web,             '', v1, shop, pods,        web,     -,      false",
            "/api/v1/namespaces/shop/pods/web/status,      '', v1, shop, pods,        web,     status, false",
            "/api/v1/namespaces,                           '', v1, -,    namespaces,  -,       -,      false",
            "/api/v1/namespaces/shop,                      '', v1, -,    namespaces,  shop,    -,      false",
            "/api/v1/namespaces/shop/status,               '', v1, -,    namespaces,  shop,    status, false",
            "/api/v1/nodes/node-1,                         '', v1, -,    nodes,       node-1,  -,      false",
            "/apis/apps/v1/namespaces/shop/deployments/d,  apps, v1, shop, deployments, d,     -,      false",
            "/apis/batch/v1/jobs,                          batch, v1, -,   jobs,        -,       -,      false",
            "/api/v1/watch/namespaces/shop/pods,           '', v1, shop, pods,        -,       -,      true",
            "/api/v1/watch/namespaces/shop/pods/web,       '', v1, shop, pods,        web,     -,      true",
    })
    void parsesResourcePaths(String path, String group, String version, String namespace, String plural, String name,
                             String subresource, boolean watch) {
        assertThat(ApiPath.parse(path)).contains(
                new ApiPath(group, version, namespace, plural, name, subresource, watch));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api", "/api/v1", "/apis/apps", "/apis/apps/v1", "/version",
            "/api/v1/namespaces/shop/pods/web/log/extra"})
    void leavesOtherPathsAlone(String path) {
        assertThat(ApiPath.parse(path)).isEmpty();
    }
}
