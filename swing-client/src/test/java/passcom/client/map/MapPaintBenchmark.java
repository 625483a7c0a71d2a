package passcom.client.map;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import passcom.api.Rede;
import passcom.client.fake.FakeNetwork;

/**
 * Paint time per frame of the map, the way a customer's gestures repaint it: the whole panel (land, every
 * segment, cities, decluttered labels, legend) into an image the size of the map area, frame after frame
 * while panning, at several zoom levels. A measurement, not a test: run it on a quiet machine and read the
 * numbers (docs/client-map.md). Headless: it paints into a {@link BufferedImage}, with the same rendering hints
 * as on screen; the software pipeline is what Xvfb and most Linux desktops use for Swing as well.
 *
 * <p>Arguments: [network file in the servers' format (default: a seeded synthetic 1,000-city network)]
 * [width] [height] [frames per view]. Run: {@code java -Djava.awt.headless=true -cp <test classpath>
 * passcom.client.map.MapPaintBenchmark /tmp/network-1000.json}.
 */
public final class MapPaintBenchmark {

    private static final int WARM_UP = 60;
    /** CPU time of the painting thread, besides wall time: on a machine shared with other work, wall time includes waiting for a core. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private MapPaintBenchmark() {
    }

    public static void main(String[] args) {
        Rede rede = args.length > 0 ? FakeNetwork.rede(Path.of(args[0])) : SyntheticNetworks.scattered(1000, 3, 1);
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 760;
        int frames = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        NetworkMap network = NetworkMap.of(rede);
        System.out.printf("network: %d cities, %d segments (lines); view %dx%d; %d frames per view after %d warm-up%n",
                network.cities().size(), network.segments().size(), width, height, frames, WARM_UP);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        MapPanel panel = new MapPanel(network, LandOutline.loadDefault());
        panel.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        panel.setSize(width, height);
        List<String> byProminence = network.byProminence();
        panel.setEndpoints(byProminence.get(0), byProminence.get(byProminence.size() / 2));
        for (double zoom : new double[] {1, 2, 4, 8}) {
            panel.resetView();
            panel.zoomAt(zoom, new Point2D.Double(width / 2.0, height / 2.0));
            for (int i = 0; i < WARM_UP; i++) {
                paintPanning(panel, image, i);
            }
            long[] nanos = new long[frames];
            long[] cpu = new long[frames];
            for (int i = 0; i < frames; i++) {
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                paintPanning(panel, image, i);
                cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                nanos[i] = System.nanoTime() - start;
            }
            long[] layerNanos = perLayer(panel, image, frames / 4);
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            System.out.printf("zoom %4.1fx: median %6.2f ms, p95 %6.2f ms, max %6.2f ms (CPU: median %.2f, p95 %.2f ms), labels %d%n", zoom,
                    ms(nanos[frames / 2]), ms(nanos[(int) (frames * 0.95)]), ms(nanos[frames - 1]),
                    ms(cpu[frames / 2]), ms(cpu[(int) (frames * 0.95)]),
                    CityLayer.labels(panel.scene(), image.createGraphics().getFontMetrics(panel.getFont()),
                            image.createGraphics().getFontMetrics(panel.getFont().deriveFont(Font.BOLD))).size());
            System.out.printf("            per layer (mean): outline %.2f, segments %.2f, cities+labels %.2f, legend %.2f ms%n",
                    ms(layerNanos[0]), ms(layerNanos[1]), ms(layerNanos[2]), ms(layerNanos[3]));
        }
        zooming(panel, image, frames);
    }

    /** Frames of a wheel zoom: each one a step in or out about the centre, so every frame renders the background anew. */
    private static void zooming(MapPanel panel, BufferedImage image, int frames) {
        panel.resetView();
        long[] nanos = new long[frames];
        long[] cpu = new long[frames];
        for (int i = -WARM_UP; i < frames; i++) {
            double factor = (Math.floorMod(i, 20)) < 10 ? 1.2 : 1 / 1.2;
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            panel.zoomAt(factor, new Point2D.Double(image.getWidth() / 2.0, image.getHeight() / 2.0));
            Graphics2D g = image.createGraphics();
            panel.paint(g);
            g.dispose();
            if (i >= 0) {
                cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf("wheel zoom 1x..6x: median %6.2f ms, p95 %6.2f ms, max %6.2f ms (CPU: median %.2f, p95 %.2f ms)%n",
                ms(nanos[frames / 2]), ms(nanos[(int) (frames * 0.95)]), ms(nanos[frames - 1]), ms(cpu[frames / 2]), ms(cpu[(int) (frames * 0.95)]));
    }

    /** Mean time of each layer alone over {@code frames} paints of the current view, to see where a frame goes. */
    private static long[] perLayer(MapPanel panel, BufferedImage image, int frames) {
        List<MapLayer> layers = List.of(new OutlineLayer(), new SegmentLayer(), new CityLayer(), new LegendLayer());
        long[] total = new long[layers.size()];
        MapScene scene = panel.scene();
        for (int i = 0; i < frames; i++) {
            for (int l = 0; l < layers.size(); l++) {
                Graphics2D g = image.createGraphics();
                MapPanel.applyHints(g);
                g.setFont(panel.getFont());
                long start = System.nanoTime();
                layers.get(l).paint(g, scene);
                total[l] += System.nanoTime() - start;
                g.dispose();
            }
        }
        for (int l = 0; l < total.length; l++) {
            total[l] /= frames;
        }
        return total;
    }

    /**
     * One frame of a drag: a few pixels' pan, back and forth so the view stays over the network, then a
     * paint. The drag stays within the background's margin, as most drags do; one that goes further costs
     * one frame like a zoom step.
     */
    private static void paintPanning(MapPanel panel, BufferedImage image, int frame) {
        double step = (frame / 40) % 2 == 0 ? 6 : -6;
        panel.pan(step, step / 2);
        Graphics2D g = image.createGraphics();
        panel.paint(g);
        g.dispose();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
