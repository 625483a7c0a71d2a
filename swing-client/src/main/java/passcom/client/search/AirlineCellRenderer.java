package passcom.client.search;

import java.awt.Color;
import java.awt.Component;
import java.util.List;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import passcom.client.map.AirlineColors;

/** The airline of each leg as bold letters in the airline's map colour, so a row reads like the map. */
public final class AirlineCellRenderer extends DefaultTableCellRenderer {

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus, int row, int column) {
        super.getTableCellRendererComponent(table, null, selected, focus, row, column);
        if (value instanceof List<?> airlines) {
            StringBuilder html = new StringBuilder("<html>");
            for (int i = 0; i < airlines.size(); i++) {
                String airline = String.valueOf(airlines.get(i));
                if (i > 0) {
                    html.append(" · ");
                }
                html.append("<b><font color='").append(hex(selected ? table.getSelectionForeground() : AirlineColors.of(airline)))
                        .append("'>").append(airline).append("</font></b>");
            }
            setText(html.append("</html>").toString());
        }
        return this;
    }

    private static String hex(Color colour) {
        return String.format("#%06x", colour.getRGB() & 0xFFFFFF);
    }
}
