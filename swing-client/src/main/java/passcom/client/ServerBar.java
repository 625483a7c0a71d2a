package passcom.client;

import java.awt.FlowLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import passcom.client.api.Failover;
import passcom.client.api.PasscomClient;
import passcom.client.api.ServerEndpoint;
import passcom.client.api.ServerStatus;
import passcom.client.i18n.Messages;

/**
 * The server chooser and one status dot per airline. Choosing a server connects the client to it and
 * remembers it; a failover moves the selection without counting as a choice. Event-thread only: health
 * and failover reports arrive through {@link #showStatus} and {@link #showFailover}.
 */
final class ServerBar extends JPanel {

    private final PasscomClient client;
    private final ClientPrefs prefs;
    private final JComboBox<ServerEndpoint> chooser;
    private final Map<ServerEndpoint, JLabel> dots = new LinkedHashMap<>();
    private final Map<ServerEndpoint, StatusDot> icons = new LinkedHashMap<>();
    private final Consumer<String> notice;
    private boolean adjusting;

    ServerBar(PasscomClient client, ClientPrefs prefs, Consumer<String> notice) {
        super(new FlowLayout(FlowLayout.LEFT, 8, 4));
        this.client = client;
        this.prefs = prefs;
        this.notice = notice;
        this.chooser = new JComboBox<>(new DefaultComboBoxModel<>(client.servers().toArray(new ServerEndpoint[0])));
        chooser.setSelectedItem(client.connected());
        chooser.addActionListener(e -> chosen());
        add(new JLabel(Messages.get("server.label")));
        add(chooser);
        JSeparator separator = new JSeparator(SwingConstants.VERTICAL);
        separator.setPreferredSize(new java.awt.Dimension(2, 18));
        add(separator);
        for (ServerEndpoint server : client.servers()) {
            StatusDot icon = new StatusDot();
            JLabel dot = new JLabel(server.id(), icon, SwingConstants.LEFT);
            dot.setToolTipText(Messages.get("server.unknown", server.id()));
            icons.put(server, icon);
            dots.put(server, dot);
            add(dot);
        }
    }

    void showStatus(Map<ServerEndpoint, ServerStatus> statuses) {
        statuses.forEach((server, status) -> {
            StatusDot icon = icons.get(server);
            JLabel dot = dots.get(server);
            if (icon != null) {
                icon.setStatus(status);
                dot.setToolTipText(Messages.get(switch (status) {
                    case UP -> "server.up";
                    case DOWN -> "server.down";
                    case UNKNOWN -> "server.unknown";
                }, server.id()));
                dot.repaint();
            }
        });
    }

    /** Whether every server has been polled at least once. */
    boolean statusKnown() {
        return dots.values().stream().noneMatch(dot -> dot.getToolTipText().equals(Messages.get("server.unknown", dot.getText())));
    }

    void showFailover(Failover failover) {
        select(failover.to());
        notice.accept(Messages.get("server.failover", failover.from().id(), failover.to().id()));
    }

    private void select(ServerEndpoint server) {
        adjusting = true;
        try {
            chooser.setSelectedItem(server);
        } finally {
            adjusting = false;
        }
    }

    private void chosen() {
        if (adjusting || !(chooser.getSelectedItem() instanceof ServerEndpoint server)) {
            return;
        }
        client.connectTo(server);
        prefs.rememberServer(server.id());
        notice.accept(null);
    }
}
