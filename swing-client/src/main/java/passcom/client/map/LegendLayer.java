package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;

/**
 * The legend in the bottom-right corner (the Atlantic, where nothing of the network is): one line per
 * airline in its colour, the origin and destination rings, and the credit for the outline.
 */
final class LegendLayer implements MapLayer {

    private static final int PAD = 10;
    private static final int SWATCH = 26;

    @Override
    public void paint(Graphics2D g, MapScene scene) {
        MapPalette palette = scene.palette();
        MapLabels labels = scene.labels();
        Font font = g.getFont().deriveFont(Font.PLAIN);
        Font small = font.deriveFont(font.getSize2D() - 1.5f);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int line = metrics.getHeight() + 2;
        int rows = scene.network().airlines().size() + 2;
        int textWidth = Math.max(metrics.stringWidth(labels.origin()), metrics.stringWidth(labels.destination()));
        for (String airline : scene.network().airlines()) {
            textWidth = Math.max(textWidth, metrics.stringWidth(labels.airline(airline)));
        }
        int creditWidth = g.getFontMetrics(small).stringWidth(labels.credit());
        int width = Math.max(SWATCH + 8 + textWidth, creditWidth) + 2 * PAD;
        int height = rows * line + g.getFontMetrics(small).getHeight() + 2 * PAD;
        int x = scene.viewport().width() - width - 12;
        int y = scene.viewport().height() - height - 12;

        g.setColor(palette.legendBackground());
        g.fill(new RoundRectangle2D.Double(x, y, width, height, 12, 12));
        g.setColor(palette.coast());
        g.setStroke(new BasicStroke(1f));
        g.draw(new RoundRectangle2D.Double(x, y, width, height, 12, 12));

        int row = y + PAD;
        for (String airline : scene.network().airlines()) {
            g.setColor(AirlineColors.of(airline));
            g.setStroke(new BasicStroke(ItineraryLayer.WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x + PAD + 3, row + line / 2.0, x + PAD + SWATCH - 3, row + line / 2.0));
            text(g, labels.airline(airline), x + PAD + SWATCH + 8, row, metrics, palette);
            row += line;
        }
        ring(g, palette.origin(), x + PAD + SWATCH / 2, row + line / 2);
        text(g, labels.origin(), x + PAD + SWATCH + 8, row, metrics, palette);
        row += line;
        ring(g, palette.destination(), x + PAD + SWATCH / 2, row + line / 2);
        text(g, labels.destination(), x + PAD + SWATCH + 8, row, metrics, palette);
        row += line;
        g.setFont(small);
        g.setColor(palette.legendText());
        g.drawString(labels.credit(), x + PAD, row + g.getFontMetrics().getAscent());
    }

    private static void text(Graphics2D g, String text, int x, int top, FontMetrics metrics, MapPalette palette) {
        g.setColor(palette.legendText());
        g.drawString(text, x, top + metrics.getAscent() + 1);
    }

    private static void ring(Graphics2D g, java.awt.Color colour, int cx, int cy) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(3f));
        g.drawOval(cx - 7, cy - 7, 14, 14);
    }
}
