package io.streamgate.e2e.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The soak's verdict per series: the median of its last quarter against the median of its second quarter (the
 * first is warm-up), and its maximum. A ratio near 1 is flat; a leak shows as a ratio that keeps climbing.
 */
final class SoakVerdict {

    /** One sampled figure. */
    record Sample(double seconds, String measure, String series, double value) {
    }

    /** A fault, {@code seconds} after the soak's start. */
    record Fault(double seconds, String what) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0fs %s", seconds, what);
        }
    }

    private SoakVerdict() {
    }

    static List<Sample> read(Path csv) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            samples.add(new Sample(Double.parseDouble(f[0]), f[1], f[2], Double.parseDouble(f[3])));
        }
        return samples;
    }

    /** Measure → series → samples in time order. */
    static Map<String, Map<String, List<Sample>>> grouped(List<Sample> samples) {
        return samples.stream().collect(Collectors.groupingBy(Sample::measure, TreeMap::new,
                Collectors.groupingBy(Sample::series, TreeMap::new, Collectors.toList())));
    }

    static String verdict(List<Sample> samples) {
        StringBuilder out = new StringBuilder("| measure | series | median Q2 | median Q4 | Q4/Q2 | max |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: |\n");
        double end = samples.stream().mapToDouble(Sample::seconds).max().orElse(0);
        grouped(samples).forEach((measure, series) -> series.forEach((name, values) -> {
            double q2 = median(values, end / 4, end / 2);
            double q4 = median(values, end * 3 / 4, end + 1);
            double max = values.stream().mapToDouble(Sample::value).max().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f | %.1f |%n", measure, name, q2, q4,
                    q2 == 0 ? Double.NaN : q4 / q2, max));
        }));
        return out.toString();
    }

    private static double median(List<Sample> values, double from, double to) {
        double[] in = values.stream().filter(s -> s.seconds() >= from && s.seconds() < to)
                .mapToDouble(Sample::value).sorted().toArray();
        return in.length == 0 ? Double.NaN : in[in.length / 2];
    }
}
