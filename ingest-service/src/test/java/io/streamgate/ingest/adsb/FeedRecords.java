package io.streamgate.ingest.adsb;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.KafkaBinaryBinding;

/** Helpers for tests that watch records of one feed among whatever else the topic carries. */
public final class FeedRecords {

    public static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    private FeedRecords() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Waits until {@code wanted} holds for the records that {@code matching} selects, and returns those. */
    public static List<ConsumerRecord<String, byte[]>> await(TopicProbe probe,
            Predicate<ConsumerRecord<String, byte[]>> matching, Predicate<List<ConsumerRecord<String, byte[]>>> wanted,
            String what) {
        AtomicReference<List<ConsumerRecord<String, byte[]>>> selected = new AtomicReference<>(List.of());
        Deadline.await(what, KAFKA_WAIT, () -> {
            selected.set(probe.drain(Duration.ofMillis(100)).stream().filter(matching).toList());
            return wanted.test(selected.get());
        });
        return selected.get();
    }

    public static Predicate<ConsumerRecord<String, byte[]>> fromSource(String source) {
        return record -> source.equals(KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.SOURCE));
    }

    /** The value of one Prometheus sample of {@code /q/metrics}, 0 when absent. */
    public static double metric(String name, String... labels) {
        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double total = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
