package dev.podscope.kube;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM certificates (JDK) and private keys (PKCS#1 RSA, SEC1 EC and PKCS#8 keys, through BouncyCastle). Errors are
 * {@link IllegalArgumentException}s whose message completes "... in WHAT".
 */
final class Pem {
    private Pem() {
    }

    /**
     * Certificates go through the JDK's own X.509 factory: loading BouncyCastle means verifying its signed jars,
     * which costs about a second of start-up that every CLI call would pay.
     */
    static List<X509Certificate> certificates(byte[] pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (!new String(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("no PEM certificate found");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pem))) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable PEM certificate data (" + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate found");
        }
        return certificates;
    }

    static PrivateKey privateKey(byte[] pem) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = parser(pem)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                switch (o) {
                    case PEMKeyPair pair -> {
                        // the public half may be absent (SEC1 keys without it), so only the private key info is converted
                        return converter.getPrivateKey(pair.getPrivateKeyInfo());
                    }
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMEncryptedKeyPair ignored -> throw new IllegalArgumentException("the private key is encrypted");
                    case PKCS8EncryptedPrivateKeyInfo ignored ->
                            throw new IllegalArgumentException("the private key is encrypted");
                    default -> {
                        // EC PARAMETERS and other blocks that may precede the key
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM private key data (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException("no PEM private key found");
    }

    /** Like Go's tls.X509KeyPair: parses both and checks that the key belongs to the leaf certificate. */
    static ClientCertificate keyPair(byte[] certificatePem, byte[] keyPem) {
        List<X509Certificate> chain = certificates(certificatePem);
        PrivateKey key = privateKey(keyPem);
        if (!matches(key, chain.getFirst().getPublicKey())) {
            throw new IllegalArgumentException("the private key does not match the certificate");
        }
        return new ClientCertificate(key, chain);
    }

    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        byte[] probe = "podscope key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PEMParser parser(byte[] pem) {
        return new PEMParser(new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII));
    }
}
