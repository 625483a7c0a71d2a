package passcom.client.map;

import java.awt.Color;

/**
 * The map's colours for one theme. Brazil is {@code land}; its neighbours are {@code neighbourLand}, a step
 * closer to the sea, with {@code border} between countries. Airline colours are the same in every theme
 * ({@link AirlineColors}).
 */
public record MapPalette(
        Color sea, Color land, Color neighbourLand, Color coast, Color border, Color segment,
        Color city, Color cityRim, Color label, Color labelHalo,
        Color origin, Color destination, Color legendBackground, Color legendText) {

    public static final MapPalette LIGHT = new MapPalette(
            new Color(0xDCEBF5), new Color(0xF7F4EA), new Color(0xE6E3DA), new Color(0x9AA7B0), new Color(0xB9B5AA), new Color(0xA9B1B8),
            new Color(0x263238), Color.WHITE, new Color(0x1B1F23), new Color(255, 255, 255, 220),
            new Color(0x00897B), new Color(0xC2185B), new Color(255, 255, 255, 230), new Color(0x1B1F23));

    public static final MapPalette DARK = new MapPalette(
            new Color(0x1B2631), new Color(0x2E3438), new Color(0x262B2F), new Color(0x5F6B73), new Color(0x434B51), new Color(0x69747C),
            new Color(0xECEFF1), new Color(0x1B2631), new Color(0xECEFF1), new Color(0, 0, 0, 200),
            new Color(0x4DB6AC), new Color(0xF06292), new Color(0x26303A, false), new Color(0xECEFF1));
}
