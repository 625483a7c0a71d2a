package passcom.client.search;

import java.util.List;
import java.util.function.Function;
import passcom.api.CaminhosResposta;
import passcom.api.Rota;

/**
 * The search results' tabs, in the order they are shown: each lists one of the answer's route lists. The
 * component name is what tools that click through the window find its table by (the GUI test).
 */
public enum ResultTab {
    SHORTEST("shortest", "search.shortest", CaminhosResposta::maisCurtos),
    CHEAPEST("cheapest", "search.cheapest", CaminhosResposta::maisBaratos);

    private final String componentName;
    private final String titleKey;
    private final Function<CaminhosResposta, List<Rota>> routes;

    ResultTab(String componentName, String titleKey, Function<CaminhosResposta, List<Rota>> routes) {
        this.componentName = componentName;
        this.titleKey = titleKey;
        this.routes = routes;
    }

    String componentName() {
        return componentName;
    }

    /** The message key of the tab's title, which takes the number of routes listed. */
    String titleKey() {
        return titleKey;
    }

    List<Rota> routesIn(CaminhosResposta answer) {
        return routes.apply(answer);
    }

    /** The tab at {@code index} of the tabbed pane, which holds the tabs in this enum's order. */
    static ResultTab at(int index) {
        return values()[index];
    }
}
