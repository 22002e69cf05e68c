package dev.gallerykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AbCheckTest {

    private static byte[] kept;

    @Test
    @DisplayName("each side's allocation per call is its own: 64 KiB a call on one side, none on the other")
    void countsEachSidesAllocation() throws Exception {
        int[] calls = new int[2];
        AbCheck.Result result = AbCheck.compare("alloc", 9, 50, () -> {
            kept = new byte[64 * 1024];
            calls[0]++;
        }, () -> calls[1]++);

        assertThat(calls).containsExactly(50 * 10, 50 * 10); // one unmeasured batch each, then nine rounds
        assertThat(result.oursBytes()).isBetween(64.0 * 1024, 66.0 * 1024);
        assertThat(result.rawBytes()).isLessThan(1024);
        assertThat(result.allocRatio()).isGreaterThan(60);
        assertThat(result.oursMin()).isLessThanOrEqualTo(result.oursMedian());
        assertThat(result.rawMin()).isLessThanOrEqualTo(result.rawMedian());
    }

    @Test
    @DisplayName("the sides take turns, the first of each round alternating")
    void alternates() throws Exception {
        StringBuilder order = new StringBuilder();
        AbCheck.compare("turns", 4, 1, () -> order.append('g'), () -> order.append('r'));

        assertThat(order).hasToString("gr" + "gr" + "rg" + "gr" + "rg");
    }

    @Test
    @DisplayName("the store table gives a verdict on the ratio of medians and on allocation, each against 1.10x")
    void storeVerdicts() {
        String table = StoreAbCheck.render(List.of(
                new AbCheck.Result("h2 getPhoto", 30, 100, 90, 105, 95, 100, 1_050, 1_000),
                new AbCheck.Result("h2 listPage", 30, 10, 90, 115, 95, 100, 1_000, 1_000),
                new AbCheck.Result("mariadb savePhoto", 30, 10, 90, 100, 95, 100, 1_200, 1_000)));

        assertThat(table.lines().filter(line -> line.startsWith("| h2 | getPhoto |"))).singleElement()
                .asString().contains("| 1.05x (0.947x) |").endsWith("| yes |");
        assertThat(table.lines().filter(line -> line.startsWith("| h2 | listPage |"))).singleElement()
                .asString().contains("| 1.15x (0.947x) |").endsWith("| **no** |");
        assertThat(table.lines().filter(line -> line.startsWith("| mariadb | savePhoto |"))).singleElement()
                .asString().contains("| 1.20x |").endsWith("| **no** |");
    }

    @Test
    @DisplayName("the listing table holds the larger or deeper page to 1.5x the other, and baselines to nothing")
    void listingVerdicts() {
        String table = ListingAbCheck.render(List.of(
                new AbCheck.Result("mariadb album, page 1,000 against page 1", 12, 4, 5, 7, 5, 5, 0, 0),
                new AbCheck.Result("dynamodb album, page 1,000 against page 1", 12, 4, 30, 40, 10, 10, 0, 0),
                new AbCheck.Result("dynamodb baseline, page 1,000 against page 1", 12, 4, 30, 40, 10, 10, 0, 0)));

        assertThat(table.lines().filter(line -> line.startsWith("| mariadb |"))).singleElement().asString()
                .contains("| 1.40x | <= 1.5x | yes |");
        assertThat(table.lines().filter(line -> line.startsWith("| dynamodb | album"))).singleElement().asString()
                .contains("| 4.00x | <= 1.5x | **no** |");
        assertThat(table.lines().filter(line -> line.startsWith("| dynamodb | baseline"))).singleElement().asString()
                .contains("| 4.00x | baseline | - |");
    }
}
