package passcom.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import passcom.api.CompraResposta;
import passcom.api.CpfCheck;
import passcom.api.Json;
import passcom.api.OrderCheck;
import passcom.api.Passageiro;
import passcom.api.Passagem;
import passcom.api.PedidoCompra;
import passcom.client.api.AccountSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code comprar}: buys route N of the last {@code rotas} answer, or the {@code --caminho} given. Every
 * purchase carries an {@code id_pedido} (a new UUID unless {@code --id-pedido} repeats one), so that
 * repeating a purchase whose outcome is unknown returns the first outcome and never buys twice. After
 * {@code login} the purchase carries the session's token, so the booking is also linked to the account.
 */
@Command(name = "comprar", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = "Compra a rota N da última consulta (passcom cli rotas), ou a dada em --caminho.")
final class ComprarCommand extends ClientCommand {

    @ArgGroup(multiplicity = "1")
    Route route;

    static final class Route {
        @Parameters(paramLabel = "N", description = "número da rota na última consulta")
        Integer number;

        @Option(names = "--caminho", paramLabel = "CAMINHO",
                description = "a rota: 'São Paulo,A,Curitiba,B,Porto Alegre' (cidades e, entre elas, a companhia do trecho) "
                        + "ou o JSON de 'caminho' da resposta de rotas --json")
        String caminho;
    }

    @ArgGroup(multiplicity = "1")
    Who who;

    static final class Who {
        @Option(names = "--cpf", required = true, paramLabel = "CPF", description = "CPF do passageiro (com ou sem pontuação)")
        String cpf;

        @Option(names = "--passageiro", required = true, paramLabel = "CPF[=ASSENTOS]",
                description = "um passageiro (repetível, até " + OrderCheck.MAX_PASSENGERS + "), com o assento escolhido em cada trecho, em ordem, "
                        + "separados por vírgula ('-' deixa a companhia escolher): --passageiro 529.982.247-25=3,5")
        List<String> passageiros;
    }

    @Option(names = "--id-pedido", paramLabel = "ID",
            description = "repete um pedido cujo resultado ficou desconhecido (nunca compra duas vezes)")
    String idPedido;

    @Override
    public Integer call() throws Exception {
        List<Passageiro> passengers = who.passageiros == null ? null : passengers(who.passageiros);
        if (who.cpf != null) {
            validCpf(who.cpf);
        }
        List<List<String>> caminho = route.number != null ? LastSearch.load(LastSearch.file(cli.env())).route(route.number) : parse(route.caminho);
        if (OrderCheck.requestIdProblem(idPedido) != null) {
            throw new BadInput("--id-pedido: " + OrderCheck.requestIdProblem(idPedido));
        }
        String id = idPedido != null ? idPedido : UUID.randomUUID().toString();
        PedidoCompra pedido = new PedidoCompra(who.cpf, caminho, id, passengers);
        // logged in: the booking is also the account's (its buyer); else a guest purchase, as always
        return answer(client -> {
            Optional<AccountSession> session = session(client);
            return session.isPresent() ? session.get().call(token -> client.buy(pedido, token)) : client.buy(pedido);
        }, ComprarCommand::readable);
    }

    /** {@code CPF} or {@code CPF=3,-,5}: a passenger and, optionally, the seat chosen on each leg ({@code -}: any). */
    static List<Passageiro> passengers(List<String> specs) throws BadInput {
        String tooMany = OrderCheck.passengerCountProblem(specs.size());
        if (tooMany != null) {
            throw new BadInput("--passageiro: " + tooMany);
        }
        List<Passageiro> passengers = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String cpf = (eq < 0 ? spec : spec.substring(0, eq)).strip();
            if (!CpfCheck.isValid(cpf)) {
                throw new BadInput("--passageiro: CPF inválido: '" + cpf + "'");
            }
            List<Integer> seats = null;
            if (eq >= 0) {
                seats = new ArrayList<>();
                for (String seat : spec.substring(eq + 1).split(",", -1)) {
                    String t = seat.strip();
                    if (t.equals("-") || t.isEmpty()) {
                        seats.add(null);
                        continue;
                    }
                    try {
                        seats.add(Integer.valueOf(t));
                    } catch (NumberFormatException e) {
                        throw new BadInput("--passageiro: assento deve ser um número ou '-', recebido '" + t + "' em '" + spec + "'");
                    }
                }
            }
            passengers.add(new Passageiro(cpf, null, seats));
        }
        return passengers;
    }

    static String readable(CompraResposta answer) {
        Passagem ticket = answer.passagem();
        StringBuilder text = new StringBuilder(answer.resultado()).append(System.lineSeparator())
                .append("Localizador: ").append(ticket.localizador()).append(System.lineSeparator());
        if (ticket.passageiros() != null && ticket.passageiros().size() > 1) {
            List<List<String>> rows = new ArrayList<>();
            ticket.passageiros().forEach(p -> rows.add(List.of(CpfCheck.formatted(CpfCheck.digits(p.cpf())), p.nome() == null ? "" : p.nome(),
                    String.join(" ", p.assentos().stream().map(String::valueOf).toList()))));
            text.append(Text.table(List.of("Passageiro", "Nome", "Assentos (por trecho)"), rows));
        }
        List<List<String>> rows = new ArrayList<>();
        ticket.trechos().forEach(leg -> rows.add(List.of(leg.origem() + " → " + leg.destino(), leg.companhia(),
                String.valueOf(leg.assento()), Text.km(leg.distanciaKm()), Text.money(leg.preco()))));
        text.append(Text.table(List.of("Trecho", "Companhia", "Assento", "Distância", "Preço"), rows, 2, 3, 4));
        return text.append("Total: ").append(Text.money(ticket.valor())).append(" (").append(Text.km(ticket.distanciaKm())).append(")")
                .append(System.lineSeparator()).toString();
    }

    /**
     * The JSON {@code caminho}, or cities and airlines alternating: {@code São Paulo,A,Curitiba,B,Porto Alegre}; either
     * way with the shape the server takes ({@link OrderCheck#caminhoProblem}).
     */
    static List<List<String>> parse(String text) throws BadInput {
        List<List<String>> caminho = read(text);
        String problem = OrderCheck.caminhoProblem(caminho);
        if (problem != null) {
            throw new BadInput("--caminho: " + problem);
        }
        return caminho;
    }

    private static List<List<String>> read(String text) throws BadInput {
        String t = text.strip();
        if (t.startsWith("[")) {
            try {
                List<List<String>> caminho = Json.mapper().readValue(t, Json.mapper().getTypeFactory()
                        .constructCollectionType(List.class, Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class)));
                if (caminho.size() == 2) {
                    return caminho;
                }
            } catch (java.io.IOException e) {
                // reported below
            }
            throw new BadInput("--caminho: JSON deve ser [[companhias...],[cidades...]], recebido '" + text + "'");
        }
        String[] parts = t.split(",");
        if (parts.length < 3 || parts.length % 2 == 0) {
            throw new BadInput("--caminho: use cidade,companhia,cidade[,companhia,cidade...], recebido '" + text + "'");
        }
        List<String> airlines = new ArrayList<>();
        List<String> cities = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                throw new BadInput("--caminho: item vazio em '" + text + "'");
            }
            (i % 2 == 0 ? cities : airlines).add(part);
        }
        return List.of(airlines, cities);
    }
}
