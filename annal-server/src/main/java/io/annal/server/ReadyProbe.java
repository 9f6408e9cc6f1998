package io.annal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Asks the server's own {@code /health/ready} until it answers 200, before announcing it. */
final class ReadyProbe {

    private ReadyProbe() {}

    static void await(int port, boolean tls) {
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    if (ready(port, tls)) {
                        return;
                    }
                } catch (IOException e) {
                    // not answering yet
                }
                Thread.sleep(50); // the listener is up; readiness waits on recovery, seconds at most
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the server did not become ready on port " + port);
    }

    private static boolean ready(int port, boolean tls) throws IOException {
        try (Socket socket = tls
                ? ownServer().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)
                : new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 200"
            return new String(head, StandardCharsets.US_ASCII).endsWith(" 200");
        }
    }

    /** Trusts any certificate: the probe only asks its own process on the loopback address. */
    private static SSLContext ownServer() throws IOException {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {any}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
