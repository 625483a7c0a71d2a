package passcom.api;

import java.util.List;

/** A segment of the network (flown both ways unless the network says otherwise), and the airlines that fly it. */
public record TrechoRede(String origem, String destino, int distanciaKm, List<String> companhias) {
}
