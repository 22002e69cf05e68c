package dev.gallerykit.examples.tours;

import dev.gallerykit.dynamodb.DynamoDbRepositories;
import java.io.PrintStream;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The tour with the records in DynamoDB and the photos in S3, on {@code LocalCloud}, LocalStack or AWS
 * (see {@link TourSettings}): four tables under the table prefix, created when missing. Run
 * {@code --help} for the options.
 */
public final class DynamoDbS3Tour {

    private DynamoDbS3Tour() {
    }

    public static void main(String[] args) {
        TourLauncher.main("DynamoDbS3Tour", args, DynamoDbS3Tour::run);
    }

    static TourReport run(TourSettings settings, PrintStream out) {
        try (TourCloud cloud = TourCloud.open(settings, true, out);
             DynamoDbRepositories dynamo = DynamoDbRepositories.builder().client(cloud.dynamoDb())
                     .tablePrefix(settings.tablePrefix()).build()) {
            DynamoDbClient client = cloud.dynamoDb();
            List<String> missing = dynamo.tableNames().stream().filter(table -> !exists(client, table)).toList();
            // Registered before they are made, so that a failure half-way still removes what was made.
            for (String table : missing) {
                cloud.removeAtEnd("table " + table, () -> deleteIfPresent(client, table));
            }
            dynamo.createTablesIfMissing();
            TourLauncher.heading(out, "DynamoDB (tables " + settings.tablePrefix() + "*)", settings, cloud);
            if (!missing.isEmpty()) {
                out.println("  created tables " + String.join(", ", missing));
            }
            return new GalleryTour(out).run(cloud.wire(dynamo.users(), dynamo.albums(), dynamo.photos(),
                    dynamo.sessions()));
        }
    }

    private static boolean exists(DynamoDbClient client, String table) {
        try {
            client.describeTable(r -> r.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static void deleteIfPresent(DynamoDbClient client, String table) {
        try {
            client.deleteTable(r -> r.tableName(table));
        } catch (ResourceNotFoundException e) {
            // never made, or removed meanwhile: nothing to do
        }
    }
}
