package passcom.core.account;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import passcom.core.store.TestStores;

/** {@link AccountsContractTest} on PostgreSQL, where PASSCOM_TEST_PG_URL names a server (./passcom test sets it). */
class AccountsOnPostgresTest extends AccountsContractTest {

    @Override
    String newStoreUrl() {
        assumeTrue(TestStores.engines().contains(TestStores.Engine.POSTGRESQL), "PASSCOM_TEST_PG_URL is not set");
        return TestStores.newStoreUrl(TestStores.Engine.POSTGRESQL, "accounts");
    }
}
