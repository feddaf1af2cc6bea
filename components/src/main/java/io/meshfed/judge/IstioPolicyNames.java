package io.meshfed.judge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Istio names each RBAC policy {@code ns[<namespace>]-policy[<name>]-rule[<index>]}, CUSTOM ones with
 * an {@code istio-ext-authz-…-} prefix (pilot/pkg/security/authz/builder/builder.go {@code policyName}, 1.30.3).
 */
public final class IstioPolicyNames {

    private static final Pattern NAME = Pattern.compile("ns\\[([^\\]]*)\\]-policy\\[([^\\]]*)\\]-rule\\[(\\d+)\\]$");

    private IstioPolicyNames() {
    }

    /** {@code <namespace>/<name>}, or null when {@code rbacPolicyName} is not in Istio's form. */
    public static String policy(String rbacPolicyName) {
        Matcher m = NAME.matcher(rbacPolicyName);
        return m.find() ? m.group(1) + "/" + m.group(2) : null;
    }

    /** The rule index within the AuthorizationPolicy, or -1. */
    public static int rule(String rbacPolicyName) {
        Matcher m = NAME.matcher(rbacPolicyName);
        return m.find() ? Integer.parseInt(m.group(3)) : -1;
    }
}
