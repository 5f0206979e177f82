package org.regolancer.orchestrator.lndg;

import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Connections to LNDg with its connect and read time limits. Over plain http (the usual: LNDg on the node itself)
 * the pool knows only plain sockets, so no TLS is set up (its classes and the CA store) for a connection never made.
 * Over https the certificates of LNDG_TLS_CERT are trusted beside the system's (the host name still checked), and a
 * TLS handshake gets {@link LndgTls#HANDSHAKE_LIMIT}: an https URL on a plain-http port fails in seconds, not after
 * the read timeout.
 */
public final class LndgConnections {

    private LndgConnections() {
    }

    public static HttpClientConnectionManager forBase(URI base, Duration connect, Duration read, LndgTls tls) {
        ConnectionConfig limits = ConnectionConfig.custom().setConnectTimeout(Timeout.ofMilliseconds(connect.toMillis()))
                .setSocketTimeout(Timeout.ofMilliseconds(read.toMillis())).build();
        SocketConfig socket = SocketConfig.custom().setSoTimeout(Timeout.ofMilliseconds(read.toMillis())).build();
        if (!"http".equalsIgnoreCase(base.getScheme())) {
            PoolingHttpClientConnectionManagerBuilder https = PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(limits).setDefaultSocketConfig(socket).setMaxConnTotal(4).setMaxConnPerRoute(4)
                    .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(
                            Timeout.ofMilliseconds(LndgTls.HANDSHAKE_LIMIT.toMillis())).build());
            tls.sslContext().ifPresent(context -> https.setTlsSocketStrategy(new DefaultClientTlsStrategy(context)));
            return https.build();
        }
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create().register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .build());
        connections.setDefaultSocketConfig(socket);
        connections.setDefaultConnectionConfig(limits);
        connections.setMaxTotal(4);
        connections.setDefaultMaxPerRoute(4);
        return connections;
    }
}
