package passcom.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** An airline of the federation and its price per 100 km (two decimals). */
public record CompanhiaRede(String id, @JsonProperty("preco_por_100km") BigDecimal precoPor100km) {
}
