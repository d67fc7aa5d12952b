package io.streamgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** What an SRE relies on in every rendering: each service's objects, wired to each other and locked down. */
class ChartObjectsTest {

    /** The ports each service listens on: quarkus.http.port of its own application.properties. */
    private static final Pattern HTTP_PORT = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)$");

    /** Environment variables that carry something secret must come from a Secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|JAAS|KEY|TOKEN|PEPPER).*");

    static Stream<RenderedChart> renderings() {
        return Stream.of(RenderedChart.defaults(), RenderedChart.production());
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyServiceHasItsObjects(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            String name = RenderedChart.name(service);
            Deployment deployment = chart.deployment(service);
            chart.get(Service.class, name);
            chart.get(ServiceAccount.class, name);
            chart.get(ConfigMap.class, name);
            chart.get(PodDisruptionBudget.class, name);
            chart.get(NetworkPolicy.class, name);
            assertEquals(name, deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void servicesPdbsAndPoliciesSelectTheirDeploymentsPods(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            String name = RenderedChart.name(service);
            Map<String, String> podLabels = chart.deployment(service).getSpec().getTemplate().getMetadata().getLabels();
            assertSelects(podLabels, chart.get(Service.class, name).getSpec().getSelector(), "Service " + name);
            assertSelects(podLabels, chart.get(PodDisruptionBudget.class, name).getSpec().getSelector().getMatchLabels(),
                    "PDB " + name);
            assertSelects(podLabels, chart.get(NetworkPolicy.class, name).getSpec().getPodSelector().getMatchLabels(),
                    "NetworkPolicy " + name);
            assertSelects(podLabels, chart.deployment(service).getSpec().getSelector().getMatchLabels(),
                    "Deployment " + name);
            for (String other : Repository.SERVICES) {
                if (!other.equals(service)) {
                    Map<String, String> otherPods = chart.deployment(other).getSpec().getTemplate().getMetadata()
                            .getLabels();
                    assertFalse(otherPods.entrySet().containsAll(
                            chart.get(Service.class, name).getSpec().getSelector().entrySet()),
                            "Service " + name + " also selects " + other + "'s pods");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void servicePortIsTheOneTheServiceListensOn(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            var properties = Repository.read(Repository.module(service).resolve("src/main/resources/application.properties"));
            var port = HTTP_PORT.matcher(properties);
            assertTrue(port.find(), "no quarkus.http.port in " + service);
            Container container = container(chart, service);
            assertEquals(Integer.parseInt(port.group(1)), container.getPorts().get(0).getContainerPort(), service);
            assertEquals("http", container.getPorts().get(0).getName());
            assertEquals(Integer.parseInt(port.group(1)),
                    chart.get(Service.class, RenderedChart.name(service)).getSpec().getPorts().get(0).getPort(), service);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void probesUseSmallRyeHealthPaths(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            assertTrue(Repository.read(Repository.module(service).resolve("pom.xml"))
                    .contains("<artifactId>quarkus-smallrye-health</artifactId>"), service + " has no smallrye-health");
            Container container = container(chart, service);
            assertProbe("/q/health/started", container.getStartupProbe().getHttpGet(), service);
            assertProbe("/q/health/live", container.getLivenessProbe().getHttpGet(), service);
            assertProbe("/q/health/ready", container.getReadinessProbe().getHttpGet(), service);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void autoscalersTargetTheirDeployment(RenderedChart chart) {
        for (String service : List.of("ingest", "safety", "stats", "gateway")) {
            HorizontalPodAutoscaler hpa = chart.get(HorizontalPodAutoscaler.class, RenderedChart.name(service));
            var target = hpa.getSpec().getScaleTargetRef();
            assertEquals("Deployment", target.getKind());
            assertEquals("apps/v1", target.getApiVersion());
            assertEquals(chart.deployment(service).getMetadata().getName(), target.getName());
            assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                    && m.getResource().getName().equals("cpu")), service + " HPA has no CPU rule");
            assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());
            assertEquals(null, chart.deployment(service).getSpec().getReplicas(),
                    service + ": a fixed replica count would fight the HPA on every upgrade");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void podsRunNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            PodSpec pod = chart.deployment(service).getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), service);
            assertEquals(185L, pod.getSecurityContext().getRunAsUser(), service + ": the images' user");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), service);
            Container container = container(chart, service);
            assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), service);
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation(), service);
            assertTrue(container.getSecurityContext().getCapabilities().getDrop().contains("ALL"), service);
            VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " has no /tmp"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                    .orElseThrow();
            assertNotNull(volume.getEmptyDir(), service + ": /tmp must be an emptyDir");
            assertNotNull(container.getResources().getRequests().get("cpu"), service);
            assertNotNull(container.getResources().getLimits().get("memory"), service);
            assertEquals(2, pod.getTopologySpreadConstraints().size(), service + ": zones and nodes");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void secretsAreReferencedNeverRendered(RenderedChart chart) {
        assertTrue(chart.all(Secret.class).isEmpty(), "the chart must not create Secrets");
        for (String service : Repository.SERVICES) {
            for (EnvVar env : container(chart, service).getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertEquals(null, env.getValue(), service + " renders " + env.getName() + " inline");
                    assertNotNull(env.getValueFrom().getSecretKeyRef(), service + ": " + env.getName());
                }
            }
            chart.properties(service).forEach((key, value) -> {
                String k = key.toString();
                assertFalse((k.contains("password") || k.contains("secret") || k.contains("jaas")
                        || k.endsWith("private-key") || k.endsWith("public-key")) && !k.endsWith("-location"),
                        service + "'s ConfigMap holds " + k);
            });
            assertFalse(chart.properties(service).getProperty("quarkus.redis.hosts").contains("@"),
                    service + ": credentials in the Redis URL");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void keyFilesNamedInTheConfigAreMountedFromSecrets(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            PodSpec pod = chart.deployment(service).getSpec().getTemplate().getSpec();
            Container container = container(chart, service);
            chart.properties(service).forEach((key, value) -> {
                if (!key.toString().endsWith("-location")) {
                    return;
                }
                String file = value.toString();
                VolumeMount mount = container.getVolumeMounts().stream()
                        .filter(m -> file.startsWith(m.getMountPath() + "/")).findFirst()
                        .orElseThrow(() -> new AssertionError(service + ": nothing mounted at " + file));
                Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                        .findFirst().orElseThrow();
                assertNotNull(volume.getSecret(), service + ": " + file + " is not from a Secret");
                String fileName = file.substring(mount.getMountPath().length() + 1);
                assertTrue(volume.getSecret().getItems().stream().anyMatch(i -> i.getPath().equals(fileName)),
                        service + ": the Secret volume has no " + fileName);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void networkPoliciesAdmitOnlyTheIngressControllerAndPrometheus(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            NetworkPolicy policy = chart.get(NetworkPolicy.class, RenderedChart.name(service));
            assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(policy.getSpec().getPolicyTypes()));
            assertEquals(1, policy.getSpec().getIngress().size());
            var rule = policy.getSpec().getIngress().get(0);
            assertEquals(2, rule.getFrom().size(), service);
            rule.getFrom().forEach(peer -> {
                assertNotNull(peer.getNamespaceSelector(), service + ": an ingress peer that is not a namespace");
                assertEquals(null, peer.getPodSelector());
            });
            assertEquals("http", rule.getPorts().get(0).getPort().getStrVal());
            // DNS, Kafka, Redis; ingest may add the receivers it polls, safety the webhook receivers it calls.
            int egressRules = policy.getSpec().getEgress().size();
            assertTrue(service.equals("ingest") || service.equals("safety") ? egressRules >= 3 : egressRules == 3,
                    service + ": " + egressRules);
            policy.getSpec().getEgress().forEach(egress -> assertFalse(egress.getPorts().isEmpty(),
                    service + ": an egress rule open to every port"));
        }
    }

    private static void assertProbe(String path, HTTPGetAction get, String service) {
        assertEquals(path, get.getPath(), service);
        assertEquals("http", get.getPort().getStrVal(), service);
    }

    private static void assertSelects(Map<String, String> podLabels, Map<String, String> selector, String what) {
        assertFalse(selector.isEmpty(), what + " selects everything");
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), what + " does not select " + podLabels);
    }

    static Container container(RenderedChart chart, String service) {
        List<Container> containers = chart.deployment(service).getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }
}
