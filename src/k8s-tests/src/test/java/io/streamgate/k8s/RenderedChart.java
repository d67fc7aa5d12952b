package io.streamgate.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The chart rendered by {@code helm template} (helm-java runs Helm's own Go code, so nothing is downloaded), every
 * document parsed into its typed fabric8 model class ({@link GenericKubernetesResource} for custom resources).
 */
final class RenderedChart {

    static final String RELEASE = "sg";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final String yaml;
    final List<HasMetadata> objects;

    private RenderedChart(String yaml, List<HasMetadata> objects) {
        this.yaml = yaml;
        this.objects = objects;
    }

    static RenderedChart defaults() {
        return render(null, Map.of()).keep("default-values.yaml");
    }

    static RenderedChart production() {
        return render(Repository.productionValues(), Map.of()).keep("production-values.yaml");
    }

    /** Leaves the rendering in target/rendered/ for a reader (what an SRE would apply). */
    private RenderedChart keep(String file) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "rendered"));
            Files.writeString(dir.resolve(file), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static RenderedChart render(Path valuesFile, Map<String, Object> sets) {
        TemplateCommand template = new Helm(Repository.chart()).template().withName(RELEASE).withNamespace("streamgate");
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        String yaml = template.call();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata object)) {
                throw new AssertionError("not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return new RenderedChart(yaml, objects);
    }

    static String name(String service) {
        return RELEASE + "-" + service;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name
                + " among " + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    Deployment deployment(String service) {
        return get(Deployment.class, name(service));
    }

    /** The application.properties a service's ConfigMap carries, parsed the way Quarkus reads it. */
    Properties properties(String service) {
        ConfigMap map = get(ConfigMap.class, name(service));
        String text = map.getData().get("application.properties");
        if (text == null) {
            throw new AssertionError("ConfigMap " + name(service) + " has no application.properties");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
