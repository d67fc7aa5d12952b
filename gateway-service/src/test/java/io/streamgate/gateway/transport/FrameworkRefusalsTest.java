package io.streamgate.gateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;

/** What a client gets when no endpoint takes its request: a problem document, as for every other refusal. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class FrameworkRefusalsTest {

    @Test
    void aMethodTheLoginDoesNotTakeIs405Problem() {
        given().get("/api/v1/auth/login").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405))
                .body("detail", equalTo("GET is not allowed on /api/v1/auth/login"));
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemWhateverItsContentType() {
        // The auth endpoints read JSON whatever the Content-Type says (curl -d sends form encoding).
        given().contentType("text/plain").body("rt_x").post("/api/v1/auth/refresh").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void anotherMethodOnAStreamIs405ProblemNot404() {
        given().post("/sse/aircraft/").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET")).body("status", equalTo(405))
                .body("detail", containsString("POST is not allowed on /sse/aircraft/"));
    }

    @Test
    void aPathNoEndpointServesIs404Problem() {
        given().get("/no-such-endpoint/").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("nothing is served at /no-such-endpoint/"));
    }
}
