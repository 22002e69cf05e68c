package dev.gallerykit.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/** Reads the token key pair from PEM text: a PKCS#8 private key and an X.509 public key, RSA or EC. */
final class PemKeys {

    private static final List<String> ALGORITHMS = List.of("RSA", "EC");

    private PemKeys() {
    }

    /** The key pair, or null after noting what is wrong with the properties. */
    static KeyPair read(String privatePem, String publicPem, Problems problems) {
        byte[] privateDer = der(privatePem, "PRIVATE KEY", "gallerykit.tokens.private-key", problems);
        byte[] publicDer = der(publicPem, "PUBLIC KEY", "gallerykit.tokens.public-key", problems);
        if (privateDer == null || publicDer == null) {
            return null;
        }
        for (String algorithm : ALGORITHMS) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
                if (!matching(algorithm, privateKey, publicKey)) {
                    problems.add("gallerykit.tokens.public-key", "is not the public key of gallerykit.tokens.private-key");
                    return null;
                }
                return new KeyPair(publicKey, privateKey);
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one; a pair of two algorithms fails for both
            }
        }
        problems.add("gallerykit.tokens.private-key", "and gallerykit.tokens.public-key must be one RSA or EC key pair");
        return null;
    }

    /**
     * Whether a signature made with the private key verifies with the public key. Without this check a
     * mismatched pair would start, and every token it signs would then be refused.
     */
    private static boolean matching(String algorithm, PrivateKey privateKey, PublicKey publicKey)
            throws GeneralSecurityException {
        byte[] probe = "gallerykit key pair check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        signer.initVerify(publicKey);
        signer.update(probe);
        return signer.verify(signature);
    }

    private static byte[] der(String pem, String label, String property, Problems problems) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String text = pem.strip();
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            problems.add(property, "must be PEM text between '" + begin + "' and '" + end + "'");
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            problems.add(property, "is not valid PEM: " + e.getMessage());
            return null;
        }
    }
}
