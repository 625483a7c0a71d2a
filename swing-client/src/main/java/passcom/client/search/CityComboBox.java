package passcom.client.search;

import java.awt.event.ActionListener;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.swing.ComboBoxEditor;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.JTextField;

/**
 * A city chooser that filters as the customer types: "sao" finds São Paulo, "flo" Florianópolis (accents
 * and case ignored, any part of the name; names that start with the text come first). The list is rebuilt
 * after each edit, off the document notification, because a model change inside it would edit the document
 * being notified. Each name's search key is computed once, so a thousand cities filter at typing speed.
 * With no city list (a server that does not publish its network) the typed text itself is the city.
 */
public final class CityComboBox extends JComboBox<String> {

    private List<String> cities;
    private List<String> keys;
    private final List<Runnable> enterListeners = new ArrayList<>();
    private final ActionListener enter = e -> enterListeners.forEach(Runnable::run);
    private final DocumentListener typing = new DocumentListener() {
        @Override
        public void insertUpdate(DocumentEvent e) {
            SwingUtilities.invokeLater(CityComboBox.this::filter);
        }

        @Override
        public void removeUpdate(DocumentEvent e) {
            SwingUtilities.invokeLater(CityComboBox.this::filter);
        }

        @Override
        public void changedUpdate(DocumentEvent e) {
        }
    };
    private String filteredFor = "";

    public CityComboBox(List<String> cities) {
        super(new DefaultComboBoxModel<>(cities.toArray(new String[0])));
        this.cities = List.copyOf(cities);
        this.keys = this.cities.stream().map(CityComboBox::key).toList();
        setEditable(true);
        setSelectedItem(null);
        setMaximumRowCount(12);
        listenTo(getEditor());
    }

    /** Runs {@code listener} when Enter is pressed in the text field. */
    public void addEnterListener(Runnable listener) {
        enterListeners.add(Objects.requireNonNull(listener));
    }

    /**
     * A theme change (updateUI) replaces the look and feel's editor with a new text field: the typing and
     * Enter listeners move to it, or filtering and Enter-to-search would silently stop after the first switch.
     */
    @Override
    public void setEditor(ComboBoxEditor editor) {
        ComboBoxEditor old = getEditor();
        if (typing != null && old != null && old.getEditorComponent() instanceof JTextField field) {
            field.getDocument().removeDocumentListener(typing);
            field.removeActionListener(enter);
        }
        super.setEditor(editor);
        // null while the superclass constructor installs the first editor; the constructor then listens to it
        if (typing != null) {
            listenTo(editor);
        }
    }

    private void listenTo(ComboBoxEditor editor) {
        if (editor != null && editor.getEditorComponent() instanceof JTextField field) {
            field.getDocument().addDocumentListener(typing);
            field.addActionListener(enter);
        }
    }

    public JTextField editorField() {
        return (JTextField) getEditor().getEditorComponent();
    }

    /**
     * Replaces the cities offered (the network arrived or changed). The text typed so far stays, and when it
     * names a city of the new list that city becomes the selection, so a theme change (which rebuilds the
     * editor from the selection) keeps it too.
     */
    public void setCities(List<String> newCities) {
        String typed = editorField().getText();
        cities = List.copyOf(newCities);
        keys = cities.stream().map(CityComboBox::key).toList();
        filteredFor = typed;
        setModel(new DefaultComboBoxModel<>(cities.toArray(new String[0])));
        editorField().setText(typed);
        String named = city();
        setSelectedItem(named);
        editorField().setText(named != null ? named : typed);
    }

    /**
     * The city the text names: an exact name, or the only city matching it; null if none or ambiguous.
     * Without a city list, the text itself (null when blank).
     */
    public String city() {
        String typed = editorField().getText();
        if (cities.isEmpty()) {
            return typed == null || typed.isBlank() ? null : typed.strip();
        }
        List<String> matches = matching(typed);
        for (String city : matches) {
            if (key(city).equals(key(typed))) {
                return city;
            }
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }

    public void setCity(String city) {
        filteredFor = city == null ? "" : city;
        setModel(new DefaultComboBoxModel<>(cities.toArray(new String[0])));
        setSelectedItem(city);
        editorField().setText(city == null ? "" : city);
    }

    /**
     * Cities whose name contains {@code typed}, accents and case ignored, those starting with it first; all
     * of them for blank text.
     */
    public List<String> matching(String typed) {
        String wanted = key(typed);
        if (wanted.isEmpty()) {
            return cities;
        }
        List<String> starting = new ArrayList<>();
        List<String> containing = new ArrayList<>();
        for (int i = 0; i < cities.size(); i++) {
            String key = keys.get(i);
            if (key.startsWith(wanted)) {
                starting.add(cities.get(i));
            } else if (key.contains(wanted)) {
                containing.add(cities.get(i));
            }
        }
        starting.addAll(containing);
        return starting;
    }

    private void filter() {
        String typed = editorField().getText();
        if (Objects.equals(typed, filteredFor)) {
            return;
        }
        filteredFor = typed;
        List<String> matches = matching(typed);
        int caret = editorField().getCaretPosition();
        setModel(new DefaultComboBoxModel<>((matches.isEmpty() ? cities : matches).toArray(new String[0])));
        setSelectedItem(null);
        editorField().setText(typed);
        editorField().setCaretPosition(Math.min(caret, typed.length()));
        boolean exact = matches.size() == 1 && key(matches.get(0)).equals(key(typed));
        if (editorField().isFocusOwner() && isShowing() && !exact && !matches.isEmpty()) {
            showPopup();
        }
    }

    static String key(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
