package io.streamgate.e2e.soak;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/** The soak's samples as a PNG: one panel per measure, time on x, a line per series, faults as vertical lines. */
final class SoakPlot {

    private static final int WIDTH = 1100;
    private static final int PANEL = 230;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f) };

    private SoakPlot() {
    }

    static void render(List<SoakVerdict.Sample> samples, List<SoakVerdict.Fault> faults, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, Map<String, List<SoakVerdict.Sample>>> measures = SoakVerdict.grouped(samples);
        double end = Math.max(1, samples.stream().mapToDouble(SoakVerdict.Sample::seconds).max().orElse(1));
        BufferedImage image = new BufferedImage(WIDTH, PANEL * Math.max(1, measures.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int top = 0;
        for (var measure : measures.entrySet()) {
            int y0 = top + 25;
            int h = PANEL - 50;
            int w = WIDTH - LEFT - RIGHT;
            double max = measure.getValue().values().stream().flatMap(List::stream)
                    .mapToDouble(SoakVerdict.Sample::value).max().orElse(1);
            max = max <= 0 ? 1 : max * 1.05;
            g.setColor(Color.BLACK);
            g.drawString(measure.getKey(), LEFT, top + 15);
            g.drawRect(LEFT, y0, w, h);
            g.drawString(String.format(Locale.ROOT, "%.0f", max), 5, y0 + 10);
            g.drawString("0", 5, y0 + h);
            for (int m = 0; m <= end / 60; m += Math.max(1, (int) (end / 60 / 10))) {
                int x = LEFT + (int) (w * m * 60 / end);
                g.drawString(m + "m", x - 6, y0 + h + 14);
            }
            g.setColor(new Color(0xbbbbbb));
            for (SoakVerdict.Fault fault : faults) {
                int x = LEFT + (int) (w * fault.seconds() / end);
                g.drawLine(x, y0, x, y0 + h);
            }
            int colour = 0;
            g.setStroke(new BasicStroke(1.5f));
            for (var series : measure.getValue().entrySet()) {
                g.setColor(COLORS[colour % COLORS.length]);
                g.drawString(series.getKey(), LEFT + w + 10, y0 + 12 + 14 * colour++);
                int px = -1;
                int py = -1;
                double pt = -1;
                for (SoakVerdict.Sample s : series.getValue()) {
                    int x = LEFT + (int) (w * s.seconds() / end);
                    int y = y0 + h - (int) (h * s.value() / max);
                    // A gap over 30 s (the process was down) is left open.
                    if (px >= 0 && s.seconds() - pt < 30) {
                        g.drawLine(px, py, x, y);
                    }
                    px = x;
                    py = y;
                    pt = s.seconds();
                }
            }
            g.setStroke(new BasicStroke(1f));
            top += PANEL;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
