package passcom.client.map;

import passcom.api.Rota;

/**
 * Everything one paint of the map needs, fixed for that paint: the network, the land, the view, the
 * chosen itinerary (or null), the picked origin and destination (or null), colours and words.
 */
public record MapScene(
        NetworkMap network, LandOutline outline, MapViewport viewport, Rota itinerary,
        String origin, String destination, MapPalette palette, MapLabels labels) {
}
