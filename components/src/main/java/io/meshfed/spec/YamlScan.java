package io.meshfed.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass over the YAML events before the spec is read: refuses aliases and notes the top-level
 * keys. Jackson does not expand an alias, it reads {@code *a} as the string {@code "a"}, so an alias
 * would silently become a wrong value; refusing the first one also keeps alias bombs harmless.
 * Duplicate keys and excessive nesting are refused by the parser itself, during this pass.
 */
final class YamlScan {

    private final Set<String> topLevelKeys;

    private YamlScan(Set<String> topLevelKeys) {
        this.topLevelKeys = topLevelKeys;
    }

    /** Scans the whole document; parse errors are left to the caller, which reports them with their location. */
    static YamlScan of(JsonFactory yaml, String text, String source) throws IOException {
        Set<String> keys = new HashSet<>();
        try (JsonParser parser = yaml.createParser(text)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
                    throw alias(source, parser.currentTokenLocation(), parser.getText());
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME && depth == 1) {
                    keys.add(parser.currentName());
                }
            }
        }
        return new YamlScan(keys);
    }

    /** A Pulumi stack file ({@code config: {meshfed:mesh: ...}}) rather than a bare spec. */
    boolean isStackFile() {
        return topLevelKeys.contains("config") && !topLevelKeys.contains("clusters");
    }

    private static InvalidSpecException alias(String source, JsonLocation at, String anchor) {
        return new InvalidSpecException(List.of(new Problem(source + ":" + at.getLineNr() + ":" + at.getColumnNr(),
                "YAML aliases (*" + anchor + ") are not supported in a mesh spec; write the value out")));
    }
}
