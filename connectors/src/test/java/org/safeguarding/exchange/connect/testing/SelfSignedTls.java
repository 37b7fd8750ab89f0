package org.safeguarding.exchange.connect.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's own keytool: the partner's HTTPS server
 * presents it, and the connector trusts it through tls.truststore.path (a PKCS#12 file holding the certificate as a
 * trusted entry); or the connector presents one (tls.keystore.path) that the partner trusts, for mutual TLS.
 */
public record SelfSignedTls(Path keyStore, Path trustStore, String password) {

    public static SelfSignedTls create(Path folder) throws IOException, InterruptedException {
        return create(folder, "partner");
    }

    public static SelfSignedTls create(Path folder, String name) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path keyStore = folder.resolve(name + ".p12");
        Path certificate = folder.resolve(name + ".crt");
        Path trustStore = folder.resolve(name + "-trust.p12");
        String password = "changeit";
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + (name.equals("partner") ? "localhost" : name), "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", name, "-keystore", keyStore.toString(), "-storepass", password, "-rfc", "-file",
                certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", password);
        return new SelfSignedTls(keyStore, trustStore, password);
    }

    /** The server side: its key and certificate, and, when given, the client certificates it trusts. */
    public SSLContext serverContext(SelfSignedTls trustedClient) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), password.toCharArray());
        TrustManagerFactory trust = null;
        if (trustedClient != null) {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustedClient.load(trustedClient.trustStore()));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        return context;
    }

    private KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
