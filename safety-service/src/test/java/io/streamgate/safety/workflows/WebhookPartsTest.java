package io.streamgate.safety.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;

/** The pieces of a delivery that need no network: signature, template, answer classes, shown URL. */
class WebhookPartsTest {

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBodyWithTheSecret() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_") && secret.length() == 6 + 43, secret);
        assertNotEquals(secret, WebhookSignature.newSecret());
    }

    @Test
    void placeholdersAreFilledJsonEscapedAndUnknownOnesAreNamed() {
        GeofenceEvent event = new GeofenceEvent("e-1", "truck \"12\"", "zrh-airport", "Zurich Airport", "entry",
                new GeoPoint(47.45, 8.55), java.time.Instant.parse("2026-03-01T10:00:00Z"));
        Map<String, String> fields = EventFields.of(event, "w-1", "Arrivals", "x-1");
        assertEquals("{\"d\": \"truck \\\"12\\\"\", \"at\": \"47.45,8.55\", \"t\": \"2026-03-01T10:00:00Z\", "
                + "\"w\": \"Arrivals/x-1\"}", BodyTemplate.render("{\"d\": \"{{device_id}}\", \"at\": "
                        + "\"{{latitude}},{{ longitude }}\", \"t\": \"{{timestamp}}\", \"w\": "
                        + "\"{{workflow_name}}/{{execution_id}}\"}", fields));
        assertEquals(List.of("speed", ""), BodyTemplate.unknownPlaceholders("{{speed}} {{}} {{device_id}}"));
    }

    @Test
    void only2xxIsDeliveredAndOnly408429And5xxAreRetried() {
        assertEquals(WebhookClient.Outcome.DELIVERED, WebhookClient.classify(200, 1).outcome());
        assertEquals(WebhookClient.Outcome.DELIVERED, WebhookClient.classify(204, 1).outcome());
        for (int retried : new int[] {408, 429, 500, 502, 503}) {
            assertEquals(WebhookClient.Outcome.RETRY, WebhookClient.classify(retried, 1).outcome(), "" + retried);
        }
        for (int refused : new int[] {301, 400, 401, 404, 410, 422}) {
            assertEquals(WebhookClient.Outcome.REFUSED, WebhookClient.classify(refused, 1).outcome(), "" + refused);
        }
    }

    @Test
    void theShownUrlDropsTheQueryString() {
        assertEquals("https://hooks.example.com:8443/in/x",
                WebhookClient.shown("https://hooks.example.com:8443/in/x?token=secret"));
    }

    @Test
    void triggersAndConditionsMatchTheEvent() {
        GeofenceEvent event = new GeofenceEvent("e-1", "truck-12", "zrh-airport", "Zurich Airport", "entry", null,
                null);
        assertTrue(Conditions.triggers(new WorkflowDefinition.Trigger("zrh-airport", "entry", null, "TRUCK-*"),
                event), "globs ignore case");
        assertTrue(!Conditions.triggers(new WorkflowDefinition.Trigger(null, "exit", null, null), event));
        assertTrue(!Conditions.triggers(new WorkflowDefinition.Trigger(null, null, List.of("van-1"), null), event));
        Map<String, String> fields = EventFields.of(event, "w", "n", "x");
        assertTrue(Conditions.holds(WorkflowDefinition.Step.condition("geofence_id", "in", null,
                List.of("zurich-hb", "zrh-airport")), fields));
        assertTrue(Conditions.holds(WorkflowDefinition.Step.condition("event_type", "not_equals", "exit", null),
                fields));
        assertTrue(!Conditions.holds(WorkflowDefinition.Step.condition("device_id", "equals", "truck-1", null),
                fields));
    }
}
