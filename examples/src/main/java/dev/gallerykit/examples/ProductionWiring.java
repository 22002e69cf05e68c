package dev.gallerykit.examples;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.SmtpMailer;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.s3.S3Encryption;

/** The README's wiring of real adapters: records in MySQL, blobs in S3, accounts mailed over SMTP. */
public final class ProductionWiring {

    private ProductionWiring() {
    }

    // README:begin
    static Accounts wire(String jdbcUrl, String dbUser, String dbPassword, byte[] tokenSecret,
                         String smtpUser, String smtpPassword) {
        JdbcRepositories db = JdbcRepositories.builder().jdbcUrl(jdbcUrl).username(dbUser).password(dbPassword).build();
        db.migrate();                                          // creates or upgrades the tables; idempotent

        S3BlobStore blobs = S3BlobStore.builder()              // client from the AWS SDK defaults
                .bucket("my-photos").serverSideEncryption(S3Encryption.sseS3()).build();

        Gallery gallery = Gallery.builder().albums(db.albums()).photos(db.photos()).shares(db.shares()).blobs(blobs)
                .owners(Accounts.ownerCheck(db.users())).build();     // no album for a deleted account

        return Accounts.builder()
                .gallery(gallery).users(db.users()).sessions(db.sessions())
                .tokens(TokenService.builder().issuer("https://photos.example.com")
                        .audience("photos-web").hmacSecret(tokenSecret).build())
                .mailer(SmtpMailer.builder().host("email-smtp.eu-west-1.amazonaws.com").port(587)
                        .security(SmtpMailer.Security.STARTTLS).credentials(smtpUser, smtpPassword)
                        .from("Photos <no-reply@photos.example.com>").build())
                .links("https://photos.example.com/account")
                .build();
    }
    // README:end
}
