package dev.gallerykit.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.error.InvalidInputException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The search page's form")
class SearchFormTest {

    private static SearchForm form(String text, String tag, String from, String to, String south, String west,
                                   String north, String east) {
        return new SearchForm(text, tag, from, to, south, west, north, east);
    }

    @Test
    @DisplayName("fields left empty or blank ask for nothing")
    void emptyFields() {
        assertThat(form(null, " ", "", null, "", "", "", "").isEmpty()).isTrue();
        PhotoQuery query = form(null, " ", "", null, "", "", "", "").query();
        assertThat(query).isEqualTo(PhotoQuery.builder().build());
    }

    @Test
    @DisplayName("text, tag, days and box become one query; the last day counts whole")
    void everyCriterion() {
        PhotoQuery query = form(" harbour ", "Boats", "2024-07-01", "2024-07-14", "48.8", "2.2", "48.9", "2.4").query();
        assertThat(query.text()).contains("harbour");
        assertThat(query.tags()).isEqualTo(Set.of("boats"));
        assertThat(query.takenFrom()).contains(LocalDateTime.parse("2024-07-01T00:00"));
        assertThat(query.takenTo()).contains(LocalDateTime.parse("2024-07-15T00:00"));
        assertThat(query.box()).contains(new GeoBox(48.8, 2.2, 48.9, 2.4));
    }

    @Test
    @DisplayName("a day that is no date names its field")
    void unreadableDay() {
        assertThatThrownBy(() -> form("", "", "14/07/2024", "", "", "", "", "").query())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"))
                .hasMessageContaining("14/07/2024");
        assertThatThrownBy(() -> form("", "", "2024-07-14", "2024-07-13", "", "", "", "").query())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    @DisplayName("a box needs all four edges, each a number the gallery accepts")
    void boxes() {
        assertThatThrownBy(() -> form("", "", "", "", "48.8", "2.2", "", "").query())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("box"))
                .hasMessageContaining("four edges");
        assertThatThrownBy(() -> form("", "", "", "", "north-ish", "2.2", "48.9", "2.4").query())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("box.south"));
        assertThatThrownBy(() -> form("", "", "", "", "95", "2.2", "96", "2.4").query())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("box.south"));
    }

    @Test
    @DisplayName("links keep the fields given, encoded, and the cursor of the next page")
    void links() {
        SearchForm form = form("C++ & fête", "", "2024-07-01", "", "", "", "", "");
        assertThat(form.link(Optional.empty())).isEqualTo("/search?text=C%2B%2B+%26+f%C3%AAte&from=2024-07-01");
        assertThat(form.link(Optional.of("abc+/="))).isEqualTo(
                "/search?text=C%2B%2B+%26+f%C3%AAte&from=2024-07-01&cursor=abc%2B%2F%3D");
    }

    @Test
    @DisplayName("'photos near here' is a box search and says so")
    void around() {
        SearchForm form = SearchForm.around(new GeoBox(-33.9, 18.4, -33.8, 18.5));
        assertThat(form.query().box()).contains(new GeoBox(-33.9, 18.4, -33.8, 18.5));
        assertThat(form.describe()).isEqualTo("taken in the box from -33.9000, 18.4000 to -33.8000, 18.5000");
    }
}
