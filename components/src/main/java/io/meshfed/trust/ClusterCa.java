package io.meshfed.trust;

/** One cluster's intermediate CA and the cacerts rendered from it. */
record ClusterCa(ClusterIdentity identity, CertificateAuthority intermediate, CaCerts caCerts) {
}
