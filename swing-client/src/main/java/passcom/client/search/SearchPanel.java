package passcom.client.search;

import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingWorker;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import passcom.api.CaminhosResposta;
import passcom.api.Rota;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ErrorText;
import passcom.client.WarningBanner;
import passcom.client.api.PasscomClient;
import passcom.client.i18n.Messages;
import passcom.client.i18n.Reais;

/**
 * The search side of the main window: origin and destination (typed, chosen from the lists or clicked on
 * the map), the "Mais curtos" and "Mais baratos" results, the warning naming airlines that did not answer,
 * and the buy button. A new search cancels the one in flight; Enter in either city field searches. Event-thread only.
 */
public final class SearchPanel extends JPanel {

    private final PasscomClient client;
    private final BusyIndicator busy;
    private final CityComboBox originBox;
    private final CityComboBox destinationBox;
    /** An image older than this (ms) is shown to the customer ({@link #staleNotice}). */
    static final long STALE_AFTER_MS = 1_000;

    private final WarningBanner unavailable = new WarningBanner();
    private final JLabel message = new JLabel();
    private final Map<ResultTab, RouteTableModel> models = new EnumMap<>(ResultTab.class);
    private final Map<ResultTab, JTable> tables = new EnumMap<>(ResultTab.class);
    private final JTabbedPane results = new JTabbedPane();
    private final JLabel selection = new JLabel(" ");
    private final JButton buy = new JButton(Messages.get("search.buy"));
    private Consumer<Rota> routeListener = route -> { };
    private BiConsumer<String, String> endpointListener = (origin, destination) -> { };
    private Consumer<Rota> buyListener = route -> { };
    private SwingWorker<?, ?> inFlight;

    public SearchPanel(List<String> cities, PasscomClient client, BusyIndicator busy) {
        super(new GridBagLayout());
        this.client = client;
        this.busy = busy;
        this.originBox = new CityComboBox(cities);
        this.destinationBox = new CityComboBox(cities);
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        // names for tools that click through the window as a customer would (the GUI test)
        results.setName("results");
        for (ResultTab tab : ResultTab.values()) {
            RouteTableModel model = new RouteTableModel();
            JTable table = table(model);
            table.setName(tab.componentName());
            models.put(tab, model);
            tables.put(tab, table);
        }
        buy.setName("buy");
        layOut();
        wire();
    }

    /** The cities of the network just loaded, offered in both fields. */
    public void setCities(List<String> cities) {
        originBox.setCities(cities);
        destinationBox.setCities(cities);
        // the boxes' events came one at a time: tell the map the pair as it now stands
        endpointsChanged();
    }

    public void setRouteListener(Consumer<Rota> listener) {
        this.routeListener = Objects.requireNonNull(listener);
    }

    public void setEndpointListener(BiConsumer<String, String> listener) {
        this.endpointListener = Objects.requireNonNull(listener);
    }

    public void setBuyListener(Consumer<Rota> listener) {
        this.buyListener = Objects.requireNonNull(listener);
    }

    /** A city clicked on the map: the first click sets the origin, the next the destination and searches. */
    public void pickCity(String city) {
        String origin = originBox.city();
        if (origin == null || destinationBox.city() != null) {
            originBox.setCity(city);
            destinationBox.setCity(null);
            endpointsChanged();
        } else if (!city.equals(origin)) {
            destinationBox.setCity(city);
            search();
        }
    }

    public void setEndpoints(String origin, String destination) {
        originBox.setCity(origin);
        destinationBox.setCity(destination);
        endpointsChanged();
    }

    /** Searches the chosen cities, cancelling a search still in flight. */
    public void search() {
        String origin = originBox.city();
        String destination = destinationBox.city();
        endpointsChanged();
        if (origin == null || destination == null) {
            showMessage(Messages.get("search.chooseBoth"));
            return;
        }
        if (origin.equals(destination)) {
            showMessage(Messages.get("search.sameCity"));
            return;
        }
        if (inFlight != null) {
            inFlight.cancel(true);
        }
        showMessage(null);
        inFlight = ApiWorker.start(busy, () -> client.search(origin, destination), this::show, failure -> {
            showMessage(ErrorText.of(failure));
        });
    }

    /** Repeats the last search: seats changed (a leg sold out), so the routes may have too. */
    public void refresh() {
        search();
    }

    /** Shows an answer as if it had just arrived; also what the screenshot tool uses. */
    public void show(CaminhosResposta answer) {
        for (ResultTab tab : ResultTab.values()) {
            RouteTableModel model = models.get(tab);
            model.setRoutes(tab.routesIn(answer));
            results.setTitleAt(tab.ordinal(), Messages.get(tab.titleKey(), model.getRowCount()));
        }
        List<String> missing = answer.companhiasIndisponiveis() == null ? List.of() : answer.companhiasIndisponiveis();
        String notMissing = missing.isEmpty() ? null : Messages.get("search.unavailable", String.join(", ", missing), missing.size());
        String stale = staleNotice(answer.idadeDadosMs());
        unavailable.show(notMissing == null ? stale : stale == null ? notMissing : notMissing + " " + stale);
        if (models.values().stream().allMatch(model -> model.getRowCount() == 0)) {
            showMessage(Messages.get("search.none", answer.origem(), answer.destino()));
        }
        JTable visible = tables.get(selectedTab());
        if (visible.getRowCount() > 0) {
            visible.setRowSelectionInterval(0, 0);
        }
        selectionChanged();
    }

    /**
     * What to tell about airlines whose availability the server planned from an old image, or null. Heartbeats come
     * every half second and at 2 s the server lists the airline as not answering, so past {@link #STALE_AFTER_MS} is
     * already unusual.
     */
    static String staleNotice(Map<String, Long> ages) {
        if (ages == null) {
            return null;
        }
        List<String> stale = ages.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() >= STALE_AFTER_MS)
                .map(Map.Entry::getKey).sorted().toList();
        if (stale.isEmpty()) {
            return null;
        }
        long oldest = stale.stream().mapToLong(ages::get).max().orElse(0);
        return Messages.get("search.stale", String.join(", ", stale), stale.size(),
                String.format(Messages.locale(), "%.1f", oldest / 1000.0));
    }

    /** "Comprar…", for tools that click through the purchase as a customer would. */
    public JButton buyButton() {
        return buy;
    }

    public Rota selectedRoute() {
        JTable table = tables.get(selectedTab());
        int row = table.getSelectedRow();
        return row < 0 ? null : ((RouteTableModel) table.getModel()).route(table.convertRowIndexToModel(row));
    }

    /** Selects row {@code row} of the tab ("Mais curtos" or "Mais baratos"), which shows it on the map. */
    public void selectRoute(ResultTab tab, int row) {
        results.setSelectedIndex(tab.ordinal());
        JTable table = tables.get(tab);
        table.setRowSelectionInterval(row, row);
        table.scrollRectToVisible(table.getCellRect(row, 0, true));
    }

    /** The routes listed on the tab, in row order. */
    public List<Rota> routes(ResultTab tab) {
        RouteTableModel model = models.get(tab);
        return java.util.stream.IntStream.range(0, model.getRowCount()).mapToObj(model::route).toList();
    }

    private void layOut() {
        JLabel title = new JLabel(Messages.get("search.title"));
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 4));
        JButton swap = new JButton("⇅");
        swap.setToolTipText(Messages.get("search.swap"));
        swap.addActionListener(e -> {
            String origin = originBox.city();
            setEndpoints(destinationBox.city(), origin);
        });
        JButton go = new JButton(Messages.get("search.go"));
        go.putClientProperty("JButton.buttonType", "default");
        go.addActionListener(e -> search());
        originBox.putClientProperty("JTextField.placeholderText", Messages.get("search.originHint"));
        destinationBox.putClientProperty("JTextField.placeholderText", Messages.get("search.destinationHint"));
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        for (ResultTab tab : ResultTab.values()) { // in the enum's order, which selectedTab() relies on
            results.addTab(Messages.get(tab.titleKey(), 0), new JScrollPane(tables.get(tab)));
        }
        buy.setEnabled(false);
        buy.putClientProperty("JButton.buttonType", "default");

        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 3;
        add(title, c);
        c.gridwidth = 1;
        c.gridy = 1;
        add(new JLabel(Messages.get("search.origin")), c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(originBox, c);
        c.gridx = 2;
        c.weightx = 0;
        c.gridheight = 2;
        c.fill = GridBagConstraints.VERTICAL;
        add(swap, c);
        c.gridheight = 1;
        c.gridx = 0;
        c.gridy = 2;
        c.fill = GridBagConstraints.NONE;
        add(new JLabel(Messages.get("search.destination")), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(destinationBox, c);
        c.gridy = 3;
        c.fill = GridBagConstraints.NONE;
        c.anchor = GridBagConstraints.EAST;
        c.gridwidth = 2;
        add(go, c);
        c.gridx = 0;
        c.gridwidth = 3;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.gridy = 4;
        add(message, c);
        c.gridy = 5;
        add(unavailable, c);
        c.gridy = 6;
        c.weighty = 1;
        c.fill = GridBagConstraints.BOTH;
        add(results, c);
        c.gridy = 7;
        c.weighty = 0;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(selection, c);
        c.gridx = 2;
        c.gridwidth = 1;
        c.fill = GridBagConstraints.NONE;
        c.anchor = GridBagConstraints.EAST;
        add(buy, c);
    }

    private void wire() {
        originBox.addEnterListener(this::search);
        destinationBox.addEnterListener(this::search);
        originBox.addActionListener(e -> {
            endpointsChanged();
            // a city picked from the origin's list: the next thing to type is the destination (the list
            // would otherwise cover that field, and a click on it would land in the list)
            if (originBox.isPopupVisible() && originBox.city() != null && destinationBox.city() == null) {
                originBox.hidePopup();
                destinationBox.editorField().requestFocusInWindow();
            }
        });
        destinationBox.addActionListener(e -> endpointsChanged());
        tables.values().forEach(table -> table.getSelectionModel().addListSelectionListener(e -> selectionChanged()));
        results.addChangeListener(e -> selectionChanged());
        buy.addActionListener(e -> {
            Rota route = selectedRoute();
            if (route != null) {
                buyListener.accept(route);
            }
        });
    }

    private void selectionChanged() {
        Rota route = selectedRoute();
        buy.setEnabled(route != null);
        selection.setText(route == null ? " "
                : Messages.get("search.selection", route.trechos().size(), Reais.km(route.distanciaKm()), Reais.format(route.preco())));
        routeListener.accept(route);
    }

    private ResultTab selectedTab() {
        return ResultTab.at(results.getSelectedIndex());
    }

    private void endpointsChanged() {
        endpointListener.accept(originBox.city(), destinationBox.city());
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(text != null);
    }

    private static JTable table(RouteTableModel model) {
        // the cities of a long itinerary do not fit the column: the tooltip shows them whole
        JTable table = new JTable(model) {
            @Override
            public String getToolTipText(java.awt.event.MouseEvent event) {
                int row = rowAtPoint(event.getPoint());
                return row < 0 ? null : RouteTableModel.cities(model.route(convertRowIndexToModel(row)));
            }
        };
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setDefaultRenderer(List.class, new AirlineCellRenderer());
        DefaultTableCellRenderer right = new DefaultTableCellRenderer();
        right.setHorizontalAlignment(SwingConstants.RIGHT);
        table.getColumnModel().getColumn(RouteTableModel.DISTANCE).setCellRenderer(right);
        table.getColumnModel().getColumn(RouteTableModel.PRICE).setCellRenderer(right);
        table.getColumnModel().getColumn(RouteTableModel.CITIES).setPreferredWidth(300);
        table.getColumnModel().getColumn(RouteTableModel.AIRLINES).setPreferredWidth(140);
        table.getColumnModel().getColumn(RouteTableModel.DISTANCE).setPreferredWidth(85);
        table.getColumnModel().getColumn(RouteTableModel.PRICE).setPreferredWidth(105);
        table.setRowHeight(Math.max(table.getRowHeight(), 24));
        table.getTableHeader().setReorderingAllowed(false);
        return table;
    }
}
