package passcom.api;

import java.util.List;

/**
 * One passenger of a purchase or a booking. In a purchase, {@code nome} is optional and {@code assentos} is
 * optional: one entry per leg of the itinerary, in order, where {@code null} (or a missing list) means "the
 * lowest free seat". In a booking, every leg has its seat.
 */
public record Passageiro(String cpf, String nome, List<Integer> assentos) {
}
