package passcom.api;

/** A seat on one leg: where a chosen seat was found taken ({@code Erro.assentoOcupado}). */
public record TrechoAssento(String origem, String destino, String companhia, int assento) {
}
