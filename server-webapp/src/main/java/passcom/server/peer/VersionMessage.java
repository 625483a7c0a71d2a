package passcom.server.peer;

/** The /versao_servidor answer: the availability version this airline's path answers are computed from now. */
public record VersionMessage(String companhia, long versao) {
}
