package passcom.api;

/** One seat of a leg's seat map. */
public record Assento(int numero, boolean livre) {
}
