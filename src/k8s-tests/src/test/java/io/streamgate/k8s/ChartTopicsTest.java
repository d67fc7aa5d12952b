package io.streamgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.streamgate.platform.topic.Topic;
import io.streamgate.platform.topic.Topics;

/**
 * The chart's Strimzi topics are the platform's catalogue ({@link Topics#ALL}) — same names in the same order, same
 * compaction — so the list, kept in values.yaml for the operator to read, is never a second truth.
 */
class ChartTopicsTest {

    private static final RenderedChart STRIMZI = RenderedChart.render(null, Map.of("strimzi.enabled", true,
            "kafka.bootstrapServers", ""));

    @Test
    void oneKafkaTopicPerCatalogueTopic() {
        List<String> rendered = topics().stream().map(t -> (String) spec(t).get("topicName")).toList();
        assertEquals(Topics.ALL.stream().map(Topic::name).toList(), rendered);
        for (GenericKubernetesResource topic : topics()) {
            assertEquals("streamgate", topic.getMetadata().getLabels().get("strimzi.io/cluster"));
        }
    }

    @Test
    void compactionIsTheCatalogues() {
        for (Topic topic : Topics.ALL) {
            Map<String, Object> config = config(topic.name());
            assertEquals(topic.compacted() ? "compact" : "delete", config.get("cleanup.policy"), topic.name());
            if (!topic.compacted()) {
                assertTrue(((Number) config.get("retention.ms")).longValue() >= 24 * 3600 * 1000L,
                        topic.name() + ": shorter than the devstack's 24 h");
            }
        }
    }

    @Test
    void everyConsumerGroupReplicaCanOwnAPartition() {
        // safety and stats read through consumer groups (a replica beyond the partition count idles); the gateway
        // reads every partition of every topic on every replica (broadcast), so its count does not matter here.
        for (Topic topic : Topics.ALL) {
            int partitions = ((Number) spec(topic(topic.name())).get("partitions")).intValue();
            for (String consumer : topic.consumers()) {
                String service = consumer.replace("-service", "");
                if (service.equals("gateway")) {
                    continue;
                }
                int replicas = maxReplicas(service);
                assertTrue(partitions >= replicas, topic.name() + ": " + partitions + " partitions for up to "
                        + replicas + " " + consumer + " replicas");
            }
        }
    }

    @Test
    void theClusterIsKraftWithOneDualRolePoolAndTheServicesUseIt() {
        List<GenericKubernetesResource> kafka = STRIMZI.custom("Kafka");
        assertEquals(1, kafka.size());
        assertEquals("enabled", kafka.get(0).getMetadata().getAnnotations().get("strimzi.io/kraft"));
        assertEquals("enabled", kafka.get(0).getMetadata().getAnnotations().get("strimzi.io/node-pools"));
        List<GenericKubernetesResource> pools = STRIMZI.custom("KafkaNodePool");
        assertEquals(1, pools.size());
        assertEquals(List.of("controller", "broker"), spec(pools.get(0)).get("roles"));
        assertEquals("streamgate", pools.get(0).getMetadata().getLabels().get("strimzi.io/cluster"));
        assertTrue(RenderedChart.defaults().custom("KafkaTopic").isEmpty(), "Strimzi is off by default");
    }

    private static int maxReplicas(String service) {
        return STRIMZI.find(HorizontalPodAutoscaler.class, RenderedChart.name(service))
                .map(hpa -> hpa.getSpec().getMaxReplicas())
                .orElseGet(() -> STRIMZI.deployment(service).getSpec().getReplicas());
    }

    private static List<GenericKubernetesResource> topics() {
        return STRIMZI.custom("KafkaTopic");
    }

    private static GenericKubernetesResource topic(String name) {
        return topics().stream().filter(t -> name.equals(spec(t).get("topicName"))).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic for " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(String name) {
        return (Map<String, Object>) spec(topic(name)).get("config");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
