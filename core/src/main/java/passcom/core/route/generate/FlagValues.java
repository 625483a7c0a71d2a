package passcom.core.route.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --flag value} pairs of the network tools' command lines, in order; each flag takes one value. */
final class FlagValues {

    private FlagValues() {
    }

    /** @throws IllegalArgumentException a flag without its value */
    static Map<String, String> of(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(args[i], args[i + 1]);
        }
        return values;
    }
}
