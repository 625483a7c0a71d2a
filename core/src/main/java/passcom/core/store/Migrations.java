package passcom.core.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The schema's versions (src/main/resources/db/migration), applied by Flyway before the store opens. */
final class Migrations {

    private Migrations() {
    }

    static void apply(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }
}
