package passcom.api;

/** A city of the network, with its coordinates in degrees (south and west negative). */
public record CidadeRede(String nome, double lat, double lon) {
}
