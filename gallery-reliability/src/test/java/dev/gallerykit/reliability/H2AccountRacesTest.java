package dev.gallerykit.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** Proves the account races on the JDBC user and session repositories over H2 in this JVM. */
@DisplayName("Accounts raced by eight threads, users and sessions on H2")
class H2AccountRacesTest extends SqlAccountRaces {

    @BeforeAll
    void createTheDatabase() {
        db = ScratchDatabase.onH2();
    }
}
