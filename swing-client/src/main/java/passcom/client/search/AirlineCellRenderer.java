package passcom.client.search;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.table.TableCellRenderer;
import passcom.client.map.AirlineColors;

/**
 * The airline of each leg as a small badge in the airline's map colour, so a row reads like the map.
 * Badges keep their colour on a selected row, where coloured text would vanish into the selection.
 */
public final class AirlineCellRenderer extends JComponent implements TableCellRenderer {

    private static final int GAP = 3;
    private static final int PAD = 4;

    private List<String> airlines = List.of();
    private Color background;

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus, int row, int column) {
        airlines = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        background = selected ? table.getSelectionBackground() : table.getBackground();
        setFont(table.getFont().deriveFont(Font.BOLD));
        setToolTipText(String.join(" → ", airlines));
        return this;
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics metrics = getFontMetrics(getFont());
        int width = 0;
        for (String airline : airlines) {
            width += metrics.stringWidth(airline) + 2 * PAD + GAP;
        }
        return new Dimension(width + GAP, metrics.getHeight() + 2);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setFont(getFont());
        FontMetrics metrics = g.getFontMetrics();
        int height = Math.min(getHeight() - 4, metrics.getAscent() + 4);
        int top = (getHeight() - height) / 2;
        int x = GAP;
        for (String airline : airlines) {
            int width = metrics.stringWidth(airline) + 2 * PAD;
            g.setColor(AirlineColors.of(airline));
            g.fillRoundRect(x, top, width, height, 8, 8);
            g.setColor(Color.WHITE);
            g.drawString(airline, x + PAD, top + (height + metrics.getAscent() - metrics.getDescent()) / 2);
            x += width + GAP;
        }
        g.dispose();
    }
}
