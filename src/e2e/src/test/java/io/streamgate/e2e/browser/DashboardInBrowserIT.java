package io.streamgate.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.traffic.TrafficConfig;
import io.streamgate.devstack.traffic.TrafficSource;
import io.streamgate.platform.identity.Role;

/**
 * The dashboard in a real Chromium against the whole stack from its packaged jars, fed by the launcher's
 * demo traffic: what a person sees on the page — markers that move, a safety event listed and
 * acknowledged, a chart that changes, and a page that comes back by itself after the gateway restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** From the position reaching ingest to the row on the page: ingest, safety-service, gateway, browser. */
    private static final Duration SAFETY_BOUND = Duration.ofSeconds(15);
    private static final String TENANT = "default";
    private static final List<String> CONNECTIONS = List.of("aircraft", "safety", "geofences", "machines", "queues",
            "entities");

    private static Stack stack;
    private static TrafficSource traffic;
    private static int emergencies;

    @BeforeAll
    static void startStackAndTraffic() {
        stack = Stack.start(false);
        traffic = TrafficSource.start(stack.url(Service.INGEST), token("dashboard-feeder"),
                TrafficConfig.of(Map.of("streamgate.traffic.jobs.arrival-scale", "5")), System.out::println);
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aircraftMarkersAppearAndMove() {
        try (Browser browser = dashboard(1600, 1700)) {
            try {
                Map<String, double[]> first = drawn(browser.await("aircraft drawn on the map", WAIT,
                        d -> drawnCount(browser) >= 5 ? browser : null));
                browser.await("an aircraft drawn somewhere else than before", WAIT, d -> {
                    Map<String, double[]> now = drawn(browser);
                    return now.entrySet().stream().anyMatch(e -> first.containsKey(e.getKey())
                            && Math.hypot(e.getValue()[0] - first.get(e.getKey())[0],
                                    e.getValue()[1] - first.get(e.getKey())[1]) > 0.5);
                });
                String counter = browser.driver.findElement(By.id("aircraft-count")).getText();
                assertTrue(counter.matches("\\d+ on the map · \\d+ tracked"), counter);
                assertTrue(Integer.parseInt(counter.split(" ")[0]) >= 5, counter);

                // A click on a marker shows that aircraft's detail.
                Map<String, double[]> now = drawn(browser);
                Map.Entry<String, double[]> target = now.entrySet().iterator().next();
                clickCanvas(browser, target.getValue());
                browser.await("the clicked aircraft's detail", WAIT, d -> {
                    String hex = d.findElement(By.id("detail")).getAttribute("data-hex");
                    return hex != null && !hex.isEmpty() ? hex : null;
                });
                assertTrue(browser.driver.findElement(By.id("detail")).getText().contains("Altitude"));
            } finally {
                browser.screenshot("dashboard-aircraft");
            }
        }
    }

    @Test
    @Order(2)
    void aSafetyEventIsListedWithinTheBoundAndCanBeAcknowledged() throws Exception {
        try (Browser browser = dashboard(1600, 1700)) {
            try {
                awaitAllOpen(browser);
                String hex = emergency();
                Instant posted = Instant.now();
                By row = By.cssSelector("#safety-list li[data-icao='" + hex + "']");
                // The list is redrawn on every change: elements are looked up afresh, never kept.
                String text = browser.await("the emergency in the safety list", SAFETY_BOUND,
                        d -> d.findElements(row).stream().findFirst().map(WebElement::getText).orElse(null));
                Duration took = Duration.between(posted, Instant.now());
                System.out.println("safety event listed " + took.toMillis() + " ms after the position was posted");
                assertTrue(text.contains("emergency_squawk"), text);
                assertEquals("false", browser.driver.findElement(row).getAttribute("data-acknowledged"));
                browser.await("the emergency ringed on the map", WAIT, d -> Boolean.TRUE.equals(browser.js(
                        "return window.__dashboard.aircraftDrawn().some(a => a.hex === arguments[0] && a.emergency)",
                        hex)));

                browser.await("the Acknowledge button clicked", WAIT, d -> {
                    try {
                        d.findElement(row).findElement(By.cssSelector("button.ack")).click();
                        return true;
                    } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                        return false;
                    }
                });
                browser.await("the row shown acknowledged", WAIT, d -> {
                    try {
                        WebElement r = d.findElement(row);
                        return "true".equals(r.getAttribute("data-acknowledged")) && r.getText().contains("acknowledged");
                    } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                        return false;
                    }
                });
                browser.screenshot("dashboard-safety-acknowledged");

                // A fresh page (another operator, or a reload) shows the acknowledgement too.
                browser.driver.navigate().to(pageUrl());
                browser.await("the acknowledgement after a reload", WAIT, d -> d.findElements(
                        By.cssSelector("#safety-list li[data-icao='" + hex + "'][data-acknowledged='true']")).size() == 1);
            } finally {
                browser.screenshot("dashboard-safety");
            }
        }
    }

    @Test
    @Order(3)
    void aSensorChartUpdates() {
        try (Browser browser = dashboard(1600, 1700)) {
            try {
                By chart = By.cssSelector("[data-machine='press-7'] [data-metric='temperature'] canvas");
                String before = browser.await("press-7's temperature chart with a line", WAIT, d -> {
                    WebElement metric = d.findElement(By.cssSelector("[data-machine='press-7'] [data-metric='temperature']"));
                    return Integer.parseInt(metric.getAttribute("data-points")) >= 2
                            ? (String) browser.js("return arguments[0].toDataURL()", d.findElement(chart)) : null;
                });
                String valueBefore = browser.driver.findElement(
                        By.cssSelector("[data-machine='press-7'] [data-metric='temperature'] .value")).getText();
                browser.await("the chart drawn differently after new readings", WAIT,
                        d -> !before.equals(browser.js("return arguments[0].toDataURL()", d.findElement(chart))));
                assertTrue(valueBefore.endsWith("celsius"), valueBefore);
                // The other panels fill from their own dialects too.
                browser.await("job queues listed", WAIT, d -> !d.findElements(By.cssSelector("#queues tr")).isEmpty());
                browser.await("NGSI entities listed", WAIT,
                        d -> !d.findElements(By.cssSelector("#entities tr")).isEmpty());
            } finally {
                browser.screenshot("dashboard-machines");
            }
        }
    }

    @Test
    @Order(4)
    void thePageRecoversByItselfAfterTheGatewayRestartsWithoutDuplicateRows() throws Exception {
        try (Browser browser = dashboard(1600, 1700)) {
            try {
                awaitAllOpen(browser);
                String before = emergency();
                browser.await("the first emergency listed", SAFETY_BOUND, d -> !d.findElements(
                        By.cssSelector("#safety-list li[data-icao='" + before + "']")).isEmpty());

                stack.restart(Service.GATEWAY);
                awaitAllOpen(browser);
                String after = emergency();
                browser.await("an emergency raised after the restart", WAIT, d -> !d.findElements(
                        By.cssSelector("#safety-list li[data-icao='" + after + "']")).isEmpty());
                browser.await("aircraft drawn again", WAIT, d -> drawnCount(browser) >= 5);

                List<WebElement> rows = browser.driver.findElements(By.cssSelector("#safety-list li"));
                Set<String> ids = new HashSet<>();
                for (WebElement row : rows) {
                    assertTrue(ids.add(row.getAttribute("data-id")), "one row per event: " + row.getAttribute("data-id"));
                }
                assertEquals(1, browser.driver.findElements(
                        By.cssSelector("#safety-list li[data-icao='" + before + "']")).size());
                @SuppressWarnings("unchecked")
                List<Object> deliveries = (List<Object>) browser.js("return window.__dashboard.safetyDeliveries()");
                assertEquals(new HashSet<>(deliveries).size(), deliveries.size(),
                        "the resumed stream delivered no event twice: " + deliveries);
            } finally {
                browser.screenshot("dashboard-after-gateway-restart");
            }
        }
    }

    @Test
    @Order(5)
    void theCannonballViewWorksOnAPhoneSizedScreen() throws Exception {
        try (Browser browser = Browser.open(390, 844)) {
            try {
                browser.driver.get(stack.url(Service.GATEWAY).resolve("/dashboard/cannonball.html?lat=47.40&lon=8.60&token="
                        + token("phone-user")).toString());
                assertEquals(390L, browser.js("return window.innerWidth"), "the viewport is a phone's");
                String hex = aircraft("c4b", 47.42, 8.62, 2500, null);
                browser.await("the nearby aircraft listed as a threat", WAIT, d -> !d.findElements(
                        By.cssSelector("#threats li[data-hex='" + hex + "']")).isEmpty());
                String text = browser.await("its distance, bearing and level", WAIT, d -> {
                    try {
                        return d.findElement(By.cssSelector("#threats li[data-hex='" + hex + "']")).getText();
                    } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                        return null;
                    }
                });
                assertTrue(text.matches("(?s).*\\d+\\.\\d nm.*"), text);
                assertTrue(text.contains("°"), text);
                assertTrue(text.toLowerCase().contains("critical") || text.toLowerCase().contains("warning"), text);
                assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390,
                        "nothing wider than the phone's screen");
            } finally {
                browser.screenshot("cannonball-390x844");
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static Browser dashboard(int width, int height) {
        Browser browser = Browser.open(width, height);
        browser.driver.get(pageUrl());
        return browser;
    }

    private static String pageUrl() {
        return stack.url(Service.GATEWAY).resolve("/?token=" + token("dashboard-operator")).toString();
    }

    private static String token(String subject) {
        return stack.infrastructure().credentials().token(TENANT, subject, Set.of(Role.USER), Duration.ofHours(1));
    }

    private static void awaitAllOpen(Browser browser) {
        browser.await("every stream of the page open", WAIT, d -> {
            for (String name : CONNECTIONS) {
                List<WebElement> chip = d.findElements(By.cssSelector("[data-connection='" + name + "'][data-state='open']"));
                if (chip.isEmpty()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static long drawnCount(Browser browser) {
        return (Long) browser.js("return window.__dashboard.aircraftDrawn().length");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, double[]> drawn(Browser browser) {
        Map<String, double[]> byHex = new HashMap<>();
        for (Object marker : (List<Object>) browser.js("return window.__dashboard.aircraftDrawn()")) {
            Map<String, Object> m = (Map<String, Object>) marker;
            byHex.put((String) m.get("hex"), new double[] { ((Number) m.get("x")).doubleValue(),
                    ((Number) m.get("y")).doubleValue() });
        }
        return byHex;
    }

    private static void clickCanvas(Browser browser, double[] at) {
        WebElement canvas = browser.driver.findElement(By.id("map"));
        int dx = (int) Math.round(at[0] - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(at[1] - canvas.getSize().getHeight() / 2.0);
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(canvas, dx, dy).click().perform();
    }

    /** A receiver reports an aircraft squawking 7700 over Zurich, through ingest's public API; returns its hex. */
    private static String emergency() throws Exception {
        return aircraft(String.format("e2e%03x", ++emergencies), 47.35, 8.7, 12000, "7700");
    }

    private static String aircraft(String prefix, double lat, double lon, int altitude, String squawk) throws Exception {
        String hex = prefix.length() >= 6 ? prefix : prefix + String.format("%03x", ++emergencies);
        long now = Instant.now().getEpochSecond();
        String body = "{\"now\":" + now + ",\"messages\":1,\"aircraft\":[{\"hex\":\"" + hex + "\",\"flight\":\"T"
                + hex.toUpperCase() + "\",\"lat\":" + lat + ",\"lon\":" + lon + ",\"alt_baro\":" + altitude
                + ",\"gs\":280,\"track\":270," + (squawk == null ? "" : "\"squawk\":\"" + squawk
                        + "\",\"emergency\":\"general\",") + "\"seen\":0,\"seen_pos\":0,\"messages\":10}]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.url(Service.INGEST) + "/v1/aircraft"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token("dashboard-receiver"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return hex;
    }
}
