package passcom.server.peer;

import java.math.BigDecimal;
import java.util.List;
import passcom.core.money.Money;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.VersionedPaths;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of {@link AirlinePaths}, the /caminhos_servidor answer, with the availability version it was
 * computed from ({@code versao}; absent from a peer that does not version its answers, which are then never cached).
 */
public record PathsMessage(String companhia, BigDecimal precoPor100Km, List<List<String>> caminhos, Long versao) {

    public static PathsMessage of(AirlinePaths paths) {
        return new PathsMessage(paths.airline(), paths.pricePer100Km().toBigDecimal(), paths.paths(), null);
    }

    public static PathsMessage of(VersionedPaths versioned) {
        AirlinePaths paths = versioned.paths();
        return new PathsMessage(paths.airline(), paths.pricePer100Km().toBigDecimal(), paths.paths(), versioned.version());
    }

    /** The price field is {@code preco_por100_km} on the wire (Jackson's snake case of {@code precoPor100Km}); older peers send it so. */
    public AirlinePaths toPaths() {
        return new AirlinePaths(MalformedRequest.require(companhia, "companhia"),
                Money.of(MalformedRequest.require(precoPor100Km, "preco_por100_km")),
                MalformedRequest.require(caminhos, "caminhos"));
    }
}
