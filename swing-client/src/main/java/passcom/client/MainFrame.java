package passcom.client;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;
import passcom.client.account.AccountBar;
import passcom.client.api.Failover;
import passcom.client.api.ServerEndpoint;
import passcom.client.api.ServerStatus;
import passcom.client.i18n.Messages;
import passcom.client.i18n.Reais;
import passcom.client.map.MapLabels;
import passcom.client.map.MapPalette;
import passcom.client.map.MapPanel;
import passcom.client.purchase.PurchaseFlow;
import passcom.client.search.SearchPanel;
import passcom.client.tickets.TicketsPanel;

/**
 * The main window: server bar and notices on top; a "Buscar voos" tab with the search beside the map and a
 * "Minhas passagens" tab; the busy indicator at the bottom; "Entrar" / "Criar conta" (or the logged-in
 * customer and "Sair") at the right of the top bar. Built on the event thread; rebuilt whole when the language
 * changes ({@link ClientSession} keeps what must survive, the account included).
 */
public final class MainFrame extends JFrame {

    private final ClientSession session;
    private final BusyIndicator busy = new BusyIndicator();
    private final WarningBanner notice = new WarningBanner();
    private final JLabel status = new JLabel();
    private final ServerBar serverBar;
    private final MapPanel map;
    private final SearchPanel search;
    private final TicketsPanel tickets;
    private final AccountBar accountBar;
    private final JTabbedPane tabs = new JTabbedPane();
    /** The last health poll's answer per server, for the bottom line about the connected one. */
    private final Map<ServerEndpoint, ServerStatus> health = new HashMap<>();

    MainFrame(ClientSession session) {
        super(Messages.get("app.title"));
        this.session = session;
        this.serverBar = new ServerBar(session.client(), session.prefs(), this::showNotice);
        this.map = new MapPanel(session.network().map(), session.outline());
        this.search = new SearchPanel(session.network().map().cityNames(), session.client(), busy);
        this.tickets = new TicketsPanel(session.client(), busy, session.prefs(), session.accounts());
        this.accountBar = new AccountBar(session.accounts(), busy);
        PurchaseFlow purchases = new PurchaseFlow(this, session.client(), busy, session.prefs(), session.accounts().state(),
                search::refresh, this::showTicketsOf);

        map.setLabels(new MapLabels(Messages.get("map.airline"), Messages.get("map.origin"), Messages.get("map.destination"), Messages.get("map.credit")));
        map.setLegDescription(leg -> Messages.get("map.leg", leg.origem(), leg.destino(), leg.companhia(),
                Reais.km(leg.distanciaKm()), Reais.format(leg.preco())));
        map.setCityListener(search::pickCity);
        map.setPalette(session.prefs().dark() ? MapPalette.DARK : MapPalette.LIGHT);
        search.setRouteListener(map::setItinerary);
        search.setEndpointListener(map::setEndpoints);
        search.setBuyListener(purchases::start);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, search, map);
        split.setResizeWeight(0);
        split.setDividerLocation(640);
        search.setMinimumSize(new Dimension(420, 300));
        tabs.setName("tabs");
        tabs.addTab(Messages.get("tab.search"), split);
        tabs.addTab(Messages.get("tab.tickets"), tickets);
        tabs.addChangeListener(e -> {
            if (tabs.getSelectedComponent() == tickets) {
                tickets.opened();
            }
        });

        JPanel bar = new JPanel(new BorderLayout());
        bar.add(serverBar, BorderLayout.CENTER);
        bar.add(accountBar, BorderLayout.EAST);
        JPanel top = new JPanel(new BorderLayout());
        top.add(bar, BorderLayout.NORTH);
        top.add(notice, BorderLayout.SOUTH);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.setBorder(BorderFactory.createEmptyBorder(3, 10, 3, 10));
        status.setName("connection");
        bottom.add(status, BorderLayout.CENTER);
        bottom.add(busy, BorderLayout.EAST);
        showConnected(session.client().connected());

        getContentPane().add(top, BorderLayout.NORTH);
        getContentPane().add(tabs, BorderLayout.CENTER);
        getContentPane().add(bottom, BorderLayout.SOUTH);
        setJMenuBar(menus());
        setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        setMinimumSize(new Dimension(1000, 640));
        setSize(1280, 800);
        setLocationRelativeTo(null);
        if (!session.network().published()) {
            showNetwork(session.network());
        }
    }

    /** The connected server's network arrived: the map and the city lists show it; a server without /rede is named. */
    void showNetwork(FederationNetwork network) {
        map.setNetwork(network.map());
        search.setCities(network.map().cityNames());
        if (!network.published()) {
            showNotice(Messages.get("network.unpublished", network.from() == null ? "?" : network.from().id()));
        }
    }

    /** No server answered the network request: the window still works with typed city names. */
    void networkUnavailable(String why) {
        showNotice(Messages.get("network.unavailable", why));
    }

    /** The map, for tools that click on it as a customer would. */
    public MapPanel mapPanel() {
        return map;
    }

    public SearchPanel searchPanel() {
        return search;
    }

    public BusyIndicator busyIndicator() {
        return busy;
    }

    public void showSearchTab() {
        tabs.setSelectedIndex(0);
    }

    public void showTicketsTab() {
        tabs.setSelectedIndex(1);
    }

    /** "Minhas passagens", for tools that use it as a customer would. */
    public TicketsPanel ticketsPanel() {
        return tickets;
    }

    /** A sentence about the account (a session that ended, a logout); null clears the notice. */
    void showAccountNotice(String text) {
        showNotice(text);
    }

    /** This window is being replaced: its parts stop following the account, which outlives it. */
    void stopFollowing() {
        accountBar.dispose();
        tickets.dispose();
    }

    /** Whether every server's dot shows a polled status; for tools that wait before a screenshot. */
    public boolean serverStatusKnown() {
        return serverBar.statusKnown();
    }

    void showStatus(Map<ServerEndpoint, ServerStatus> statuses) {
        serverBar.showStatus(statuses);
        health.putAll(statuses);
        showConnected(session.client().connected());
    }

    void failedOver(Failover failover) {
        serverBar.showFailover(failover);
        showConnected(failover.to());
    }

    void themeChanged(boolean dark) {
        map.setPalette(dark ? MapPalette.DARK : MapPalette.LIGHT);
    }

    private void showTicketsOf(String cpf) {
        session.prefs().rememberCpf(cpf);
        if (tabs.getSelectedComponent() == tickets) {
            tickets.opened();
        } else {
            showTicketsTab();
        }
    }

    private void showNotice(String text) {
        notice.show(text);
        showConnected(session.client().connected());
    }

    private void showConnected(ServerEndpoint server) {
        status.setText(ConnectionLine.text(server, health.getOrDefault(server, ServerStatus.UNKNOWN)));
    }

    private JMenuBar menus() {
        JMenu file = new JMenu(Messages.get("menu.file"));
        JMenuItem quit = new JMenuItem(Messages.get("menu.quit"));
        quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()));
        quit.addActionListener(e -> System.exit(0));
        file.add(quit);

        JMenu view = new JMenu(Messages.get("menu.view"));
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem(Messages.get("menu.dark"), session.prefs().dark());
        dark.addActionListener(e -> session.applyTheme(dark.isSelected()));
        JMenuItem reset = new JMenuItem(Messages.get("menu.resetMap"));
        reset.addActionListener(e -> map.resetView());
        JMenu language = new JMenu(Messages.get("menu.language"));
        ButtonGroup languages = new ButtonGroup();
        language.add(languageItem(Messages.get("menu.portuguese"), Messages.PORTUGUESE, languages));
        language.add(languageItem(Messages.get("menu.english"), Locale.ENGLISH, languages));
        view.add(dark);
        view.add(reset);
        view.addSeparator();
        view.add(language);

        JMenu help = new JMenu(Messages.get("menu.help"));
        JMenuItem about = new JMenuItem(Messages.get("menu.about"));
        about.addActionListener(e -> JOptionPane.showMessageDialog(this, Messages.get("about.text"),
                Messages.get("about.title"), JOptionPane.INFORMATION_MESSAGE));
        help.add(about);

        JMenuBar bar = new JMenuBar();
        bar.add(file);
        bar.add(view);
        bar.add(help);
        return bar;
    }

    private JRadioButtonMenuItem languageItem(String name, Locale locale, ButtonGroup group) {
        JRadioButtonMenuItem item = new JRadioButtonMenuItem(name, Messages.locale().getLanguage().equals(locale.getLanguage()));
        item.addActionListener(e -> session.switchLanguage(locale));
        group.add(item);
        return item;
    }
}
