package passcom.core.route.plan;

import java.util.Objects;

/**
 * One airline's answer to a route search together with the version of its seat availability it was
 * computed from ({@link LocalPathsCache}): the same version always means the same answer, so a peer
 * holding this answer need not ask again while the version stands (peers of older releases cache by it).
 */
public record VersionedPaths(long version, AirlinePaths paths) {
    public VersionedPaths {
        Objects.requireNonNull(paths, "paths");
    }
}
