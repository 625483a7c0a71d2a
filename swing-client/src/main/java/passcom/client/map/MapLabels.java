package passcom.client.map;

import java.text.MessageFormat;

/** The words the map shows, in the customer's language: the legend entries and the outline credit. */
public record MapLabels(String airlinePattern, String origin, String destination, String credit) {

    public static final MapLabels PORTUGUESE = new MapLabels("Companhia {0}", "Origem", "Destino", "Contorno: Natural Earth");

    public String airline(String id) {
        return MessageFormat.format(airlinePattern, id);
    }
}
