package dev.gallerykit.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** The hostile search texts on the JDBC repositories over H2 in this JVM. */
@DisplayName("Hostile search texts on H2")
class HostileSearchOnH2Test extends HostileSearchOnSql {

    @BeforeAll
    void createTheDatabase() {
        db = ScratchDatabase.onH2();
    }
}
