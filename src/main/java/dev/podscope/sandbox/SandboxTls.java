package dev.podscope.sandbox;

import dev.podscope.kube.CipherSuites;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A throw-away certificate authority and a loopback server certificate it signed, so that clients can verify the
 * sandbox like any cluster (kubeconfig {@code certificate-authority-data}) instead of skipping TLS verification.
 */
public final class SandboxTls {
    private static final char[] KEY_PASSWORD = "podscope-sandbox".toCharArray();
    private static final Duration VALIDITY = Duration.ofDays(365);

    private final X509Certificate caCertificate;
    private final KeyStore serverKeyStore;

    private SandboxTls(X509Certificate caCertificate, KeyStore serverKeyStore) {
        this.caCertificate = caCertificate;
        this.serverKeyStore = serverKeyStore;
    }

    /** A fresh CA and a server certificate for 127.0.0.1, ::1 and localhost (EC P-256, valid for a year). */
    public static SandboxTls generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPair caKeys = newKeyPair(random);
            X500Name caName = new X500Name("CN=podscope-sandbox-ca");
            JcaX509v3CertificateBuilder ca = builder(caName, caName, caKeys, random);
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate caCert = sign(ca, caKeys);

            KeyPair serverKeys = newKeyPair(random);
            JcaX509v3CertificateBuilder server =
                    builder(caName, new X500Name("CN=podscope-sandbox"), serverKeys, random);
            server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate serverCert = sign(server, caKeys);

            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", serverKeys.getPrivate(), KEY_PASSWORD,
                    new Certificate[]{serverCert, caCert});
            return new SandboxTls(caCert, keyStore);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create the sandbox's TLS certificates: " + e.getMessage(), e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The CA certificate in PEM, as kubeconfig's certificate-authority-data carries it (base64 of this text). */
    public String caPem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(caCertificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the sandbox CA certificate", e);
        }
    }

    /** A new Jetty TLS configuration serving the server certificate (Jetty owns and starts what it is given). */
    public SslContextFactory.Server jettySslContextFactory() {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(serverKeyStore);
        factory.setKeyStorePassword(new String(KEY_PASSWORD));
        factory.setKeyManagerPassword(new String(KEY_PASSWORD));
        factory.setSniRequired(false);
        factory.setCipherComparator(CipherSuites.CHACHA_FIRST);
        return factory;
    }

    private static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys,
                                                      SecureRandom random) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair issuerKeys)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
