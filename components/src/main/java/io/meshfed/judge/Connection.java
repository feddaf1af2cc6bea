package io.meshfed.judge;

import java.util.List;

/**
 * What Envoy knows of a downstream connection when it picks a filter chain: the (original)
 * destination, the SNI and ALPN the TLS inspector read ({@code transportProtocol} {@code "tls"}) or
 * {@code "raw_buffer"} for plaintext, and the source address.
 */
public record Connection(String destinationIp, int destinationPort, String sni, String transportProtocol,
        List<String> applicationProtocols, String sourceIp, int sourcePort) {

    public Connection {
        applicationProtocols = List.copyOf(applicationProtocols);
    }

    /** Plaintext HTTP/1.1 as the HTTP inspector reports it. */
    public static Connection plaintextHttp(String destinationIp, int destinationPort) {
        return new Connection(destinationIp, destinationPort, null, "raw_buffer", List.of("http/1.1"), "127.0.0.6", 0);
    }

    public static Connection tls(String destinationIp, int destinationPort, String sni, List<String> alpn) {
        return new Connection(destinationIp, destinationPort, sni, "tls", alpn, "127.0.0.6", 0);
    }

    public Connection fromSource(String ip, int port) {
        return new Connection(destinationIp, destinationPort, sni, transportProtocol, applicationProtocols, ip, port);
    }
}
