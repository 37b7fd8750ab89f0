package org.safeguarding.exchange.connect.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's own keytool: the partner's HTTPS server
 * presents it, and the connector trusts it through tls.truststore.path (the same PKCS#12 file, which holds the
 * certificate as a trusted entry too).
 */
public record SelfSignedTls(Path keyStore, Path trustStore, String password) {

    public static SelfSignedTls create(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path keyStore = folder.resolve("partner.p12");
        Path certificate = folder.resolve("partner.crt");
        Path trustStore = folder.resolve("trust.p12");
        String password = "changeit";
        keytool("-genkeypair", "-alias", "partner", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "partner", "-keystore", keyStore.toString(), "-storepass", password, "-rfc", "-file",
                certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "partner", "-file", certificate.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", password);
        return new SelfSignedTls(keyStore, trustStore, password);
    }

    /** The server side: the key and its certificate. */
    public SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
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
