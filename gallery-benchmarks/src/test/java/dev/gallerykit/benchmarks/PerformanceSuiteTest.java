package dev.gallerykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PerformanceSuiteTest {

    private static final String DOC = """
            # Performance
            intro
            <!-- generated:A -->
            old table of A
            <!-- /generated:A -->
            between
            <!-- generated:B -->
            <!-- /generated:B -->
            end
            """;

    @Test
    @DisplayName("a section's table replaces what lay between its markers, and nothing else")
    void splicesBetweenMarkers() {
        String text = PerformanceSuite.splice(DOC, "A", "| new |\n");

        assertThat(text).isEqualTo(DOC.replace("old table of A\n", "| new |\n"));
        assertThat(PerformanceSuite.splice(text, "A", "| newer |\n")).isEqualTo(DOC.replace("old table of A\n", "| newer |\n"));
    }

    @Test
    @DisplayName("an empty section is filled")
    void fillsAnEmptySection() {
        assertThat(PerformanceSuite.splice(DOC, "B", "x\n")).contains("<!-- generated:B -->\nx\n<!-- /generated:B -->");
    }

    @Test
    @DisplayName("a document without the section's markers is refused, naming them")
    void refusesMissingMarkers() {
        assertThatThrownBy(() -> PerformanceSuite.splice(DOC, "C", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("<!-- generated:C -->");
    }

    @Test
    @DisplayName("a child's report starts at its first table row or heading, without the local servers' own lines")
    void keepsTheMarkdownOfAChild() {
        String printed = "CorsParams: null\nstarting\n| a | b |\n|---|---|\nCorsParams: null\n| 1 | 2 |\n\n";

        assertThat(PerformanceSuite.markdownOf(printed)).isEqualTo("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertThat(PerformanceSuite.markdownOf("noise\n#### H2\ntext\n")).isEqualTo("#### H2\ntext\n");
    }

    @Test
    @DisplayName("figures keep three significant digits")
    void formats() {
        assertThat(PerformanceSuite.fmt(1234.56)).isEqualTo("1,235");
        assertThat(PerformanceSuite.fmt(12.345)).isEqualTo("12.3");
        assertThat(PerformanceSuite.fmt(1.2345)).isEqualTo("1.23");
        assertThat(PerformanceSuite.fmt(0.12345)).isEqualTo("0.123");
        assertThat(PerformanceSuite.fmt(Double.NaN)).isEqualTo("-");
    }

    @Test
    @DisplayName("the command line: defaults, each option, sections named by a prefix")
    void readsTheCommandLine() {
        PerformanceSuite.Arguments none = PerformanceSuite.parse();
        PerformanceSuite.Arguments all = PerformanceSuite.parse("--doc", "/tmp/p.md", "--only", "Listing,Accounts",
                "--quick", "--list");

        assertThat(none).isEqualTo(new PerformanceSuite.Arguments(Path.of("docs/PERFORMANCE.md"),
                Set.of(), false, false));
        assertThat(all.doc()).isEqualTo(Path.of("/tmp/p.md"));
        assertThat(all.only()).containsExactly("Listing", "Accounts");
        assertThat(all.quick()).isTrue();
        assertThat(all.list()).isTrue();
    }

    @Test
    @DisplayName("an unknown option, an option without its value and a section nobody has are refused, saying which")
    void refusesABadCommandLine() {
        assertThatThrownBy(() -> PerformanceSuite.parse("--fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown argument --fast");
        assertThatThrownBy(() -> PerformanceSuite.parse("--only")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--only needs a value");
        assertThatThrownBy(() -> PerformanceSuite.parse("--doc", "--quick")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--doc needs a value");
        assertThatThrownBy(() -> PerformanceSuite.parse("--only", "Listings")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--only Listings names no section").hasMessageContaining("ListingBenchmark");
    }
}
