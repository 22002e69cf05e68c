package dev.gallerykit.vips;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The libvips binding")
class LibVipsTest {

    private final LibVips vips = Vips.library();

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({"VipsAccess, sequential, " + LibVips.VIPS_ACCESS_SEQUENTIAL,
            "VipsFailOn, error, " + LibVips.VIPS_FAIL_ON_ERROR,
            "VipsSize, force, " + LibVips.VIPS_SIZE_FORCE,
            "VipsAngle, d90, " + LibVips.VIPS_ANGLE_D90,
            "VipsAngle, d180, " + LibVips.VIPS_ANGLE_D180,
            "VipsAngle, d270, " + LibVips.VIPS_ANGLE_D270,
            "VipsDirection, horizontal, " + LibVips.VIPS_DIRECTION_HORIZONTAL,
            "VipsDirection, vertical, " + LibVips.VIPS_DIRECTION_VERTICAL,
            "VipsInterpretation, srgb, " + LibVips.VIPS_INTERPRETATION_SRGB,
            "VipsBandFormat, uchar, " + LibVips.VIPS_FORMAT_UCHAR})
    @DisplayName("uses the enum values of the installed libvips")
    void enumValues(String type, String nick, int value) {
        long gtype = vips.g_type_from_name(type);

        assertThat(gtype).as(type + " is registered").isNotZero();
        assertThat(vips.vips_enum_from_nick("gallerykit", gtype, nick)).isEqualTo(value);
    }

    @Test
    @DisplayName("refuses a libvips older than 8.13, and the one installed is newer")
    void version() {
        int major = vips.vips_version(0);
        int minor = vips.vips_version(1);

        assertThat(major > Vips.MIN_MAJOR || (major == Vips.MIN_MAJOR && minor >= Vips.MIN_MINOR)).isTrue();
        assertThat(Vips.version()).startsWith(major + "." + minor + ".");
    }
}
