package io.meshfed.spec;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The name and value syntaxes Kubernetes, SPIFFE and Istio accept, as predicates. */
final class Syntax {

    static final int MAX_LABEL = 63;
    static final int MAX_SUBDOMAIN = 253;
    static final int MAX_TRUST_DOMAIN = 255;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
    private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final Pattern HEADER_NAME = Pattern.compile("[-_A-Za-z0-9]+");
    /** Lookaround and backreferences: Java has them, RE2 (Envoy, Istio) does not. */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]|\\\\k<");

    private Syntax() {
    }

    /** RFC 1123 label as Kubernetes names namespaces, services and most objects. */
    static boolean dnsLabel(String value) {
        return value.length() <= MAX_LABEL && DNS_LABEL.matcher(value).matches();
    }

    /** RFC 1123 subdomain: dot-separated labels, at most 253 characters (service accounts, host names). */
    static boolean dnsSubdomain(String value) {
        if (value.isEmpty() || value.length() > MAX_SUBDOMAIN) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!dnsLabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** A Kubernetes label value: empty, or up to 63 of [A-Za-z0-9-_.], alphanumeric at both ends. */
    static boolean labelValue(String value) {
        return value.length() <= MAX_LABEL && LABEL_VALUE.matcher(value).matches();
    }

    /** A Kubernetes label key: an optional DNS subdomain prefix and '/', then a non-empty label value. */
    static boolean labelKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        return (slash < 0 || dnsSubdomain(key.substring(0, slash))) && !name.isEmpty() && labelValue(name);
    }

    /** SPIFFE trust domain: lowercase letters, digits, '.', '-' and '_'. */
    static boolean trustDomain(String value) {
        return !value.isEmpty() && value.length() <= MAX_TRUST_DOMAIN && TRUST_DOMAIN.matcher(value).matches();
    }

    /** An IPv4 or IPv6 address, or a DNS host name (whose last label is not all digits, so 10.0.0.300 is neither). */
    static boolean address(String value) {
        return IPV4.matcher(value).matches() || ipv6(value) || dnsSubdomain(value) && !value.substring(value.lastIndexOf('.') + 1).matches("\\d+");
    }

    private static boolean ipv6(String value) {
        int compressed = value.indexOf("::");
        if (!value.contains(":") || compressed != value.lastIndexOf("::")) {
            return false;
        }
        String body = compressed < 0 ? value : value.substring(0, compressed) + ":" + value.substring(compressed + 2);
        String[] groups = body.split(":", -1);
        int count = 0;
        for (String group : groups) {
            if (group.isEmpty() && compressed >= 0) {
                continue;
            }
            if (!IPV6_GROUP.matcher(group).matches()) {
                return false;
            }
            count++;
        }
        return compressed < 0 ? count == 8 : count < 8;
    }

    static boolean headerName(String value) {
        return HEADER_NAME.matcher(value).matches();
    }

    /** Null when Java and RE2 both accept the pattern, else why not. */
    static String regexProblem(String regex) {
        if (NOT_RE2.matcher(regex).find()) {
            return "uses lookaround or a backreference, which RE2 (Envoy's regex engine) does not support";
        }
        try {
            Pattern.compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return "is not a regular expression: " + e.getDescription();
        }
    }
}
