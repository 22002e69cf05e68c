package dev.gallerykit.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.testkit.contract.Records;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The photo page's map")
class LocationMapTest {

    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final AlbumId ALBUM = new AlbumId(UUID.randomUUID());

    private static Photo at(double latitude, double longitude, String title) {
        return Records.aPhoto(OWNER, ALBUM, p -> p.title(title)
                .metadata(ImageMetadata.builder().location(GeoPoint.of(latitude, longitude)).build()));
    }

    @Test
    @DisplayName("the panel is the same number of kilometres wide at every latitude")
    void panelWidth() {
        GeoBox equator = LocationMap.area(GeoPoint.of(0, 10));
        GeoBox oslo = LocationMap.area(GeoPoint.of(60, 10));
        assertThat(equator.north() - equator.south()).isCloseTo(0.04, within(1e-9));
        assertThat(equator.east() - equator.west()).isCloseTo(0.06, within(1e-9));
        // At 60° a degree of longitude is half as long: twice as many degrees across.
        assertThat(oslo.east() - oslo.west()).isCloseTo(0.12, within(1e-9));
        assertThat(new LocationMap("", 0, 0, List.of(), equator, "").across()).isEqualTo("6.7 km across");
    }

    @Test
    @DisplayName("near the antimeridian and the poles the panel is cut to valid degrees")
    void edges() {
        GeoBox fiji = LocationMap.area(GeoPoint.of(-17.7, 179.99));
        assertThat(fiji.east()).isEqualTo(180);
        GeoBox pole = LocationMap.area(GeoPoint.of(89.99, 0));
        assertThat(pole.north()).isEqualTo(90);
        assertThat(pole.west()).isGreaterThanOrEqualTo(-180);
    }

    @Test
    @DisplayName("the photo is in the middle; the others in the panel are dots where they were taken, the rest left out")
    void dots() {
        Photo photo = at(48.8584, 2.2945, "Tower");
        Photo north = at(48.8684, 2.2945, "North");
        Photo east = at(48.8584, 2.3145, "East");
        Photo far = at(48.95, 2.2945, "Far");
        LocationMap map = LocationMap.of(photo, photo.location().orElseThrow(), List.of(photo, north, east, far));

        assertThat(map.x()).isEqualTo(180);
        assertThat(map.y()).isEqualTo(120);
        assertThat(map.nearby()).extracting(LocationMap.Dot::title).containsExactly("North", "East");
        LocationMap.Dot up = map.nearby().get(0);
        assertThat(up.x()).isCloseTo(180, within(1e-6));
        // 0.01° north of the middle is half way to the top edge (0.02° away).
        assertThat(up.y()).isCloseTo(60, within(1e-6));
        LocationMap.Dot right = map.nearby().get(1);
        assertThat(right.y()).isCloseTo(120, within(1e-6));
        assertThat(right.x()).isGreaterThan(180).isLessThan(360);
        assertThat(up.id()).isEqualTo(north.id().toString());
    }

    @Test
    @DisplayName("the label says N, S, E and W, and the world locator has the place")
    void label() {
        Photo photo = Records.aPhoto(OWNER, ALBUM, p -> p.metadata(ImageMetadata.builder()
                .location(new GeoPoint(-33.85680, 151.21530, java.util.Optional.of(12.0))).build()));
        LocationMap map = LocationMap.of(photo, photo.location().orElseThrow(), List.of());
        assertThat(map.label()).isEqualTo("33.85680° S, 151.21530° E, 12 m");
        assertThat(map.worldX()).isCloseTo((151.2153 + 180) / 360 * 72, within(1e-9));
        assertThat(map.worldY()).isCloseTo((90 + 33.8568) / 180 * 36, within(1e-9));
        assertThat(map.osmUrl()).isEqualTo(
                "https://www.openstreetmap.org/?mlat=-33.85680&mlon=151.21530#map=15/-33.85680/151.21530");
    }
}
