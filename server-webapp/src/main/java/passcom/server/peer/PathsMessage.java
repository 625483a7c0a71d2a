package passcom.server.peer;

import java.math.BigDecimal;
import java.util.List;
import passcom.core.money.Money;
import passcom.core.route.plan.AirlinePaths;
import passcom.server.http.MalformedRequest;

/** Wire form of {@link AirlinePaths}, the /caminhos_servidor answer. */
public record PathsMessage(String companhia, BigDecimal precoPor100Km, List<List<String>> caminhos) {

    public static PathsMessage of(AirlinePaths paths) {
        return new PathsMessage(paths.airline(), paths.pricePer100Km().toBigDecimal(), paths.paths());
    }

    public AirlinePaths toPaths() {
        return new AirlinePaths(MalformedRequest.require(companhia, "companhia"),
                Money.of(MalformedRequest.require(precoPor100Km, "preco_por_100_km")),
                MalformedRequest.require(caminhos, "caminhos"));
    }
}
