package dev.gallerykit.examples.tours;

import java.io.PrintStream;
import java.util.List;

/** The command-line side of the tours' mains: settings from the arguments and the environment, usage, exit codes. */
final class TourLauncher {

    /** A tour run on its settings. */
    @FunctionalInterface
    interface Runner {
        TourReport run(TourSettings settings, PrintStream out);
    }

    private TourLauncher() {
    }

    /** Runs the tour; exits with 2 for bad arguments, with 1 when a step fails. */
    static void main(String name, String[] args, Runner tour) {
        TourSettings settings;
        try {
            if (List.of(args).contains("--help")) {
                System.out.println("usage: " + name + " [option ...]\n" + TourSettings.USAGE);
                return;
            }
            settings = TourSettings.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: " + name + " [option ...]\n" + TourSettings.USAGE);
            System.exit(2);
            return;
        }
        TourReport report = tour.run(settings, System.out);
        if (!report.leftovers().none()) {
            System.exit(1);
        }
    }

    /** The tour's heading: what it runs on. */
    static void heading(PrintStream out, String records, TourSettings settings, TourCloud cloud) {
        out.println("GalleryKit tour: records in " + records + ", photos in S3 bucket " + settings.bucket()
                + " (" + switch (settings.mode()) {
                    case LOCAL_CLOUD -> "servers of LocalCloud, started for the tour";
                    case ENDPOINT -> "an endpoint from AWS_ENDPOINT_URL*";
                    case AWS -> "AWS";
                } + ")");
        cloud.description().forEach(line -> out.println("  " + line));
    }
}
