package io.annal.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS when {@code --tls-keystore} names a PKCS12 file holding the server's key and certificate
 * chain ({@code --tls-keystore-password} opens it), or when {@code --tls-cert} and {@code
 * --tls-key} name PEM files. Files that cannot be read stop the start with a message saying why,
 * rather than a server that silently speaks plain HTTP.
 */
final class ServerTls {

    private ServerTls() {}

    static Optional<SSLContext> context(ServerOptions options) {
        boolean pem = options.tlsCert().isPresent() || options.tlsKey().isPresent();
        if (pem && options.tlsKeystore().isPresent()) {
            throw new IllegalArgumentException("give either --tls-keystore or --tls-cert with --tls-key, not both");
        }
        if (pem) {
            if (options.tlsCert().isEmpty() || options.tlsKey().isEmpty()) {
                throw new IllegalArgumentException("--tls-cert and --tls-key go together: name both PEM files");
            }
            return Optional.of(fromPem(
                    Path.of(options.tlsCert().get()), Path.of(options.tlsKey().get())));
        }
        if (options.tlsKeystore().isEmpty()) {
            if (options.tlsKeystorePassword().isPresent()) {
                throw new IllegalArgumentException("--tls-keystore-password is set but --tls-keystore is not");
            }
            return Optional.empty();
        }
        Path file = Path.of(options.tlsKeystore().get());
        char[] password = options.tlsKeystorePassword().orElse("").toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            if (!keys.aliases().hasMoreElements()) {
                throw new IllegalArgumentException("the TLS keystore " + file + " holds no key");
            }
            return Optional.of(context(keys, password));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read the TLS keystore " + file + " (PKCS12, opened with " + "--tls-keystore-password): "
                            + e.getMessage(),
                    e);
        }
    }

    private static SSLContext fromPem(Path certFile, Path keyFile) {
        List<Certificate> chain;
        PrivateKey key;
        try {
            chain = PemFiles.certificates(certFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read the TLS certificate " + certFile + " (PEM): " + e.getMessage(), e);
        }
        try {
            key = PemFiles.privateKey(keyFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS key " + keyFile + " (PEM): " + e.getMessage(), e);
        }
        if (!PemFiles.matches(key, chain.getFirst())) {
            throw new IllegalArgumentException("the TLS key " + keyFile + " is not the key of the first certificate in "
                    + certFile + "; the server's own certificate comes first");
        }
        try {
            char[] password = "annal".toCharArray(); // in memory only: PKCS12 wants one
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, password);
            keys.setKeyEntry("annal", key, password, chain.toArray(Certificate[]::new));
            return context(keys, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the TLS key and certificate: " + e.getMessage(), e);
        }
    }

    private static SSLContext context(KeyStore keys, char[] password) throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
