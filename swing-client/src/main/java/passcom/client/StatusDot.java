package passcom.client;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.Icon;
import passcom.client.api.ServerStatus;

/** A round dot saying whether an airline's server answers: green up, red down, grey not yet known. */
final class StatusDot implements Icon {

    private static final int SIZE = 10;

    private ServerStatus status = ServerStatus.UNKNOWN;

    void setStatus(ServerStatus status) {
        this.status = status;
    }

    @Override
    public void paintIcon(Component c, Graphics graphics, int x, int y) {
        Graphics2D g = (Graphics2D) graphics.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(switch (status) {
            case UP -> new Color(0x2E7D32);
            case DOWN -> new Color(0xD32F2F);
            case UNKNOWN -> new Color(0x9E9E9E);
        });
        g.fillOval(x, y, SIZE, SIZE);
        g.dispose();
    }

    @Override
    public int getIconWidth() {
        return SIZE;
    }

    @Override
    public int getIconHeight() {
        return SIZE;
    }
}
