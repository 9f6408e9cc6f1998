package io.annal.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS when {@code --tls-keystore} names a PKCS12 file holding the server's key and certificate
 * chain ({@code --tls-keystore-password} opens it). A keystore that cannot be read stops the
 * start with a message saying why, rather than a server that silently speaks plain HTTP.
 */
final class ServerTls {

    private ServerTls() {}

    static Optional<SSLContext> context(ServerOptions options) {
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
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read the TLS keystore " + file + " (PKCS12, opened with " + "--tls-keystore-password): "
                            + e.getMessage(),
                    e);
        }
    }
}
