package passcom.client.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words the customer reads, from {@code passcom/client/messages*.properties}: Portuguese (pt-BR) in
 * the base bundle, English in {@code _en}. The locale is chosen once at start-up ({@link #use}); the JVM's
 * default locale plays no part, so an English system still shows Portuguese unless English is asked for.
 */
public final class Messages {

    public static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");
    private static final String BASE = "passcom.client.messages";

    private static volatile ResourceBundle bundle = load(PORTUGUESE);

    private Messages() {
    }

    /** {@code "en"} selects English; anything else Portuguese. */
    public static Locale localeFor(String language) {
        return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : PORTUGUESE;
    }

    public static void use(Locale locale) {
        bundle = load(locale);
    }

    public static Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? PORTUGUESE : bundle.getLocale();
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in when any are given. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    private static ResourceBundle load(Locale locale) {
        // no fallback to the JVM's locale: the base bundle is the Portuguese one
        return ResourceBundle.getBundle(BASE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
