package io.streamgate.gateway.testing;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A producer on the broker the Quarkus test runs against (the devstack's), writing records the way the
 * services upstream of the gateway do: string keys, byte values, every write acknowledged by all replicas.
 */
public final class DevstackProducer {

    private DevstackProducer() {
    }

    /** The caller closes it. */
    public static KafkaProducer<String, byte[]> open() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
