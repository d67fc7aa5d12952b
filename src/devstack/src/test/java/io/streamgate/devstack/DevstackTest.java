package io.streamgate.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.streamgate.platform.topic.Topics;

class DevstackTest {

    private static Devstack stack;

    @BeforeAll
    static void start() {
        stack = Devstack.start();
    }

    @AfterAll
    static void stop() {
        Path home = stack.home();
        stack.close();
        assertFalse(Files.exists(home), "the temporary directory is removed on stop");
    }

    @Test
    void theBrokerStoresAndServesRecords() throws Exception {
        String topic = "devstack.roundtrip";
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("hello"), readAll(topic, 1));
    }

    @Test
    void everyCatalogueTopicExistsAndStateTopicsAreCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Topics.ALL.forEach(t -> assertTrue(names.contains(t.name()), t.name()));

            ConfigResource state = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AIRCRAFT_STATE.name());
            ConfigEntry policy = admin.describeConfigs(List.of(state)).all().get(30, TimeUnit.SECONDS).get(state)
                    .get("cleanup.policy");
            assertEquals("compact", policy.value());
        }
    }

    @Test
    void redisAnswers() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", stack.redis().port())) {
            OutputStream out = socket.getOutputStream();
            out.write("SET devstack ok\r\nGET devstack\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String expected = "+OK\r\n$2\r\nok\r\n";
            byte[] reply = in.readNBytes(expected.length());
            assertEquals(expected, new String(reply, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theBrokerComesBackWithItsDataAfterAStop() throws Exception {
        String topic = "devstack.restart";
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);
        }
        stack.kafka().stop();
        assertFalse(stack.kafka().isRunning());
        stack.kafka().start();

        assertEquals(List.of("before"), readAll(topic, 1));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private List<String> readAll(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "devstack-test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Deadline.await(expected + " record(s) on " + topic, Duration.ofSeconds(60), () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
