package io.meshfed.scenarios.controlplane;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.meshfed.trust.Certificates;
import io.meshfed.trust.WorkloadCertificate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Asks a running istiod's CA for a workload certificate, as pilot-agent does: a CSR with the
 * workload's SPIFFE ID, sent to {@code istio.v1.auth.IstioCertificateService/CreateCertificate} on
 * istiod's TLS port (15012; istiod's serving certificate is checked against the mesh root) with a
 * service-account token the API server issued for audience {@code istio-ca} (istiod reviews it with
 * the API server: JWT_POLICY third-party-jwt). The messages are the three fields of Istio's
 * security/v1alpha1/ca.proto, encoded here with protobuf's coded streams.
 */
final class IstiodCertificateClient {

    private static final MethodDescriptor<Request, List<String>> CREATE_CERTIFICATE = MethodDescriptor.<Request, List<String>>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("istio.v1.auth.IstioCertificateService/CreateCertificate")
            .setRequestMarshaller(new RequestMarshaller())
            .setResponseMarshaller(new ResponseMarshaller())
            .build();

    record Request(String csrPem, long validitySeconds) {
    }

    private IstiodCertificateClient() {
    }

    /**
     * @param rootCertPem the mesh root istiod's serving certificate chains to ({@code root-cert.pem} of {@code cacerts})
     * @param trustBundle the roots the workload will trust
     */
    static WorkloadCertificate request(int securePort, Path rootCertPem, KubernetesClient client, String namespace,
                                       String serviceAccount, String spiffeId, List<X509Certificate> trustBundle) {
        if (client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).get() == null) {
            client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
                    .withName(serviceAccount).withNamespace(namespace).endMetadata().build()).create();
        }
        TokenRequest tokenRequest = new TokenRequestBuilder().withNewSpec().withAudiences("istio-ca").withExpirationSeconds(3600L)
                .endSpec().build();
        String token = client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).tokenRequest(tokenRequest)
                .getStatus().getToken();
        try {
            KeyPair keys = ApiServerCertificates.ecKeys();
            String csr = csr(keys, spiffeId);
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", securePort)
                    .sslContext(GrpcSslContexts.forClient().trustManager(rootCertPem.toFile()).build())
                    .overrideAuthority("istiod.istio-system.svc").build();
            try {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                List<String> chain = ClientCalls.blockingUnaryCall(
                        io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
                        CREATE_CERTIFICATE, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
                        new Request(csr, Duration.ofHours(1).toSeconds()));
                List<X509Certificate> certificates = new ArrayList<>();
                for (String pem : chain) {
                    certificates.addAll(Certificates.parsePem(pem));
                }
                if (certificates.isEmpty()) {
                    throw new IllegalStateException("istiod's CA answered with no certificate for " + spiffeId);
                }
                // istiod appends its root to the chain (ca/server.go); the trust bundle carries the roots
                List<X509Certificate> intermediates = certificates.subList(1, certificates.size()).stream()
                        .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList();
                return new WorkloadCertificate(spiffeId, certificates.get(0), keys.getPrivate(), intermediates, trustBundle);
            } finally {
                channel.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot build the CSR for " + spiffeId, e);
        }
    }

    private static String csr(KeyPair keys, String spiffeId) throws IOException, org.bouncycastle.operator.OperatorCreationException {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, true,
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, spiffeId)));
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(new X500Name(""), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        return ApiServerCertificates.pem(request);
    }

    private static final class RequestMarshaller implements MethodDescriptor.Marshaller<Request> {
        @Override
        public InputStream stream(Request value) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                CodedOutputStream out = CodedOutputStream.newInstance(bytes);
                out.writeString(1, value.csrPem());
                out.writeInt64(3, value.validitySeconds());
                out.flush();
                return new ByteArrayInputStream(bytes.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Request parse(InputStream stream) {
            throw new UnsupportedOperationException("client side only");
        }
    }

    private static final class ResponseMarshaller implements MethodDescriptor.Marshaller<List<String>> {
        @Override
        public InputStream stream(List<String> value) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public List<String> parse(InputStream stream) {
            try {
                CodedInputStream in = CodedInputStream.newInstance(stream);
                List<String> chain = new ArrayList<>();
                for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                    if (tag == ((1 << 3) | 2)) {
                        chain.add(in.readStringRequireUtf8());
                    } else {
                        in.skipField(tag);
                    }
                }
                return chain;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
