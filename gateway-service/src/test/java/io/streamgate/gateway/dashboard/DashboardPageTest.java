package io.streamgate.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;

/**
 * The page, its scripts and the client library it imports are all served by the gateway itself (the
 * browser tests in src/e2e show what the page does with them).
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardPageTest {

    @TestHTTPResource("/")
    URI root;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRootIsTheDashboardPage() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"/dashboard/dashboard.js\">"), page.body());
        assertTrue(page.body().contains("<meta name=\"streamgate-tile-url\" content=\"\">"),
                "no tile URL is configured: the page draws its bundled outline");
    }

    @Test
    void thePageScriptsAndTheClientLibraryAreServedAsJavaScript() throws Exception {
        for (String path : new String[] { "/dashboard/dashboard.js", "/dashboard/map.js",
                "/streamgate-client/index.js", "/streamgate-client/connection.js" }) {
            HttpResponse<String> script = get(path);
            assertEquals(200, script.statusCode(), path);
            assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"), path);
        }
        assertTrue(get("/streamgate-client/index.js").body().contains("StreamGateConnection"));
        assertTrue(get("/dashboard/dashboard.js").body().contains("from '/streamgate-client/index.js'"));
    }

    @Test
    void aTileUrlIsWrittenIntoThePageAsAnEscapedAttribute() {
        assertEquals("<meta content=\"https://t.example/{z}/{x}/{y}.png?a=1&amp;b=&quot;x&quot;\">",
                DashboardPage.render("<meta content=\"${tileUrl}\">", "https://t.example/{z}/{x}/{y}.png?a=1&b=\"x\""));
    }
}
