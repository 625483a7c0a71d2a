package passcom.client;

import com.formdev.flatlaf.FlatLaf;
import java.awt.Color;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.UIManager;

/** A strip of warning text, hidden while empty, coloured for the current light or dark theme. */
public final class WarningBanner extends JLabel {

    public WarningBanner() {
        setOpaque(true);
        setVisible(false);
    }

    public void show(String text) {
        setText(text == null || text.isEmpty() ? null : "<html>" + escape(text) + "</html>");
        setVisible(text != null && !text.isEmpty());
    }

    @Override
    public void updateUI() {
        super.updateUI();
        boolean dark = UIManager.getLookAndFeel() instanceof FlatLaf laf && laf.isDark();
        setBackground(dark ? new Color(0x4A3B10) : new Color(0xFFF1C2));
        setForeground(dark ? new Color(0xFFE08A) : new Color(0x5C4300));
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 4, 0, 0, dark ? new Color(0xE0A800) : new Color(0xE6A700)),
                BorderFactory.createEmptyBorder(6, 8, 6, 8)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
