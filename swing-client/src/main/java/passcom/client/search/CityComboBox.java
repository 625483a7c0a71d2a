package passcom.client.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.JTextField;

/**
 * A city chooser that filters as the customer types: "sao" finds São Paulo, "flo" Florianópolis (accents
 * and case ignored, any part of the name). The list is rebuilt after each edit, off the document
 * notification, because a model change inside it would edit the document being notified.
 */
public final class CityComboBox extends JComboBox<String> {

    private final List<String> cities;
    private String filteredFor = "";

    public CityComboBox(List<String> cities) {
        super(new DefaultComboBoxModel<>(cities.toArray(new String[0])));
        this.cities = List.copyOf(cities);
        setEditable(true);
        setSelectedItem(null);
        setMaximumRowCount(12);
        editorField().getDocument().addDocumentListener(new DocumentListener() {
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
        });
    }

    public JTextField editorField() {
        return (JTextField) getEditor().getEditorComponent();
    }

    /** The city the text names: an exact name, or the only city matching it; null if none or ambiguous. */
    public String city() {
        String typed = editorField().getText();
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

    /** Cities whose name contains {@code typed}, accents and case ignored; all of them for blank text. */
    public List<String> matching(String typed) {
        String wanted = key(typed);
        return cities.stream().filter(city -> key(city).contains(wanted)).toList();
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
        if (editorField().isFocusOwner() && isShowing() && !exact && !typed.isEmpty()) {
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
