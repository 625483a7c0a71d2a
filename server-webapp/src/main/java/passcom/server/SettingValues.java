package passcom.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import passcom.server.ServerFlags.Setting;

/**
 * The settings of one command line, typed by picocli: a flag's value, else its PASSCOM_* variable's, else the config
 * file's, else its default. The variable and the file reach picocli as its default-value provider, so all three go
 * through the same converters; this class remembers which one each value came from, so that an error names it
 * ({@code --port}, {@code PASSCOM_PORT} or {@code FILE: port}). Built once per parse; not shared between threads.
 */
final class SettingValues implements CommandLine.IDefaultValueProvider {

    private final Map<String, String> env;
    private final ConfigFile file;
    /** option name → where its value came from, for options picocli asked this provider about and got a value. */
    private final Map<String, String> sources = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private ParseResult parsed;

    private SettingValues(Map<String, String> env, ConfigFile file) {
        this.env = env;
        this.file = file;
        ServerFlags.settings().forEach(s -> variables.put(s.option(), s.env()));
    }

    /** @throws BadFlag naming the flag, variable or file setting that is wrong */
    static SettingValues parse(CommandLine commandLine, List<String> args, Map<String, String> env, ConfigFile file) {
        SettingValues values = new SettingValues(env, file);
        commandLine.getCommandSpec().defaultValueProvider(values);
        try {
            values.parsed = commandLine.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            String first = e.getUnmatched().get(0);
            if (!first.startsWith("-")) {
                throw new BadFlag("unexpected argument '" + first + "'");
            }
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> suggestions = e.getSuggestions();
            throw new BadFlag("unknown flag " + name + (suggestions.isEmpty() ? "" : " (did you mean " + suggestions.get(0) + "?)"));
        } catch (CommandLine.MissingParameterException e) {
            String name = e.getMissing().isEmpty() ? "a flag" : ((OptionSpec) e.getMissing().get(0)).longestName();
            throw new BadFlag(name + " needs a value");
        } catch (CommandLine.OverwrittenOptionException e) {
            throw new BadFlag(((OptionSpec) e.getOverwritten()).longestName() + " given twice");
        } catch (CommandLine.ParameterException e) {
            throw values.badValue(e);
        }
        if (values.parsed.isUsageHelpRequested()) {
            throw new BadFlag("--help must be handled before parsing");
        }
        return values;
    }

    /** The value of a setting that has a default. */
    <T> T value(Setting<T> setting) {
        return given(setting).orElseThrow(() -> new IllegalStateException(setting.option() + " has no default"));
    }

    /** The value, if given by flag, variable or file (or, for a setting with a default value, that default). */
    <T> Optional<T> given(Setting<T> setting) {
        return Optional.ofNullable(option(setting).getValue());
    }

    /** Every value of a list setting, from the first source that has any. */
    <T> List<T> all(Setting<T> setting) {
        List<T> values = option(setting).getValue();
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    /** Where the setting's value came from: {@code --port}, {@code PASSCOM_PORT} or {@code FILE: port}. */
    String source(Setting<?> setting) {
        return sources.getOrDefault(setting.option(), setting.option());
    }

    /** picocli asks for each option the command line did not give: the variable, else the file. */
    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !variables.containsKey(option.longestName())) {
            return null;
        }
        String name = option.longestName();
        String fromEnv = env.get(variables.get(name));
        if (fromEnv != null && !fromEnv.isBlank()) {
            sources.put(name, variables.get(name));
            return fromEnv;
        }
        Optional<String> fromFile = file.get(name.substring(2));
        fromFile.ifPresent(any -> sources.put(name, file.name() + ": " + name.substring(2)));
        return fromFile.orElse(null);
    }

    private OptionSpec option(Setting<?> setting) {
        return Objects.requireNonNull(parsed.commandSpec().findOption(setting.option()), setting.option());
    }

    /** A value picocli could not convert: what the converter said, after where the value came from. */
    private BadFlag badValue(CommandLine.ParameterException e) {
        if (!(e.getArgSpec() instanceof OptionSpec option)) {
            return new BadFlag(e.getMessage());
        }
        String source = sources.getOrDefault(option.longestName(), option.longestName());
        Throwable cause = e.getCause();
        if (cause instanceof CommandLine.TypeConversionException) {
            return new BadFlag(source + ": " + cause.getMessage());
        }
        return new BadFlag(source + ": cannot use '" + e.getValue() + "'" + (cause == null ? "" : ": " + cause.getMessage()));
    }
}
