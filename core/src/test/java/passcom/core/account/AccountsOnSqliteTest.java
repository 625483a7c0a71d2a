package passcom.core.account;

import passcom.core.store.TestStores;

/** {@link AccountsContractTest} on SQLite, the embedded default. */
class AccountsOnSqliteTest extends AccountsContractTest {

    @Override
    String newStoreUrl() {
        return TestStores.newStoreUrl(TestStores.Engine.SQLITE, "accounts");
    }
}
