package dev.backcast.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key pair that signs seals, kept as PEM: a {@code PRIVATE KEY} block (PKCS #8) and a {@code PUBLIC KEY}
 * block (X.509), as {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} write them. A key is
 * named by its fingerprint, {@code SHA256:} and the hex SHA-256 of the public key's X.509 encoding.
 */
public final class SealKeys {

    private static final Pattern PRIVATE_BLOCK = block("PRIVATE KEY");
    private static final Pattern PUBLIC_BLOCK = block("PUBLIC KEY");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SealKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static SealKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(SealStatement.ALGORITHM).generateKeyPair();
            return new SealKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** Reads both blocks; a PEM without its public key is refused, since Java cannot derive it from the private. */
    public static SealKeys read(String pem) {
        Matcher privateBlock = PRIVATE_BLOCK.matcher(pem);
        if (!privateBlock.find()) {
            throw new IllegalArgumentException("the seal signing key has no PRIVATE KEY block");
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance(SealStatement.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(decode(privateBlock.group(1))));
            return new SealKeys(privateKey, readPublicKey(pem));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the seal signing key is not an Ed25519 private key: " + e.getMessage(),
                    e);
        }
    }

    public static PublicKey readPublicKey(String pem) {
        Matcher publicBlock = PUBLIC_BLOCK.matcher(pem);
        if (!publicBlock.find()) {
            throw new IllegalArgumentException("no PUBLIC KEY block (add it with: openssl pkey -in key.pem -pubout)");
        }
        try {
            return KeyFactory.getInstance(SealStatement.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(decode(publicBlock.group(1))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static String fingerprint(PublicKey key) {
        return "SHA256:" + EventChain.hex(EventChain.sha256().digest(key.getEncoded()));
    }

    public static boolean verifies(PublicKey key, byte[] data, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance(SealStatement.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException unreadable) {
            return false;
        }
    }

    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(SealStatement.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing with Ed25519 failed", e);
        }
    }

    public String toPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded()) + publicKeyPem();
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static Pattern block(String label) {
        return Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----");
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64);
    }
}
