package io.meshfed.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import java.util.List;

/**
 * Reads a mesh spec from YAML (a bare spec, a Pulumi stack file holding it under
 * {@code config.meshfed:mesh}, or an inline doc string) and validates it. Parse errors name the source, line, column and field path.
 */
public final class SpecLoader {

    /** Deeper than any spec, Helm values included; the parser refuses more before it is read. */
    static final int MAX_NESTING = 64;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** The stack configuration key that holds the mesh spec. */
    public static final String STACK_KEY = "meshfed:mesh";

    private SpecLoader() {
    }

    /** Parses and validates; throws {@link InvalidSpecException} with every problem found. */
    public static MeshSpec load(String yaml, String sourceName) {
        MeshSpec spec = parse(yaml, sourceName);
        SpecValidator.requireValid(spec);
        return spec;
    }

    /** Reads the file within {@link SpecFiles}' bounds, then parses and validates it. */
    public static MeshSpec load(Path file) {
        return load(SpecFiles.read(file), file.toString());
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(SpecFiles.MAX_BYTES + 1);
        return options;
    }

    /** Parses without validating (validation needs the whole document). */
    public static MeshSpec parse(String yaml, String sourceName) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidSpecException(List.of(new Problem(sourceName, "the mesh spec is empty")));
        }
        SpecFiles.requireWithinLimit(yaml, sourceName);
        boolean stackFile;
        try {
            stackFile = YamlScan.of(YAML.getFactory(), yaml, sourceName).isStackFile();
        } catch (JsonProcessingException e) {
            throw malformed(sourceName, e);
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new Problem(sourceName, "cannot read: " + e.getMessage())));
        }
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (stackFile && !moveToMeshNode(parser)) {
                throw new InvalidSpecException(List.of(new Problem(sourceName,
                        "this Pulumi stack file has no '" + STACK_KEY + "' under 'config'")));
            }
            MeshSpec spec = YAML.readValue(parser, MeshSpec.class);
            if (spec == null) {
                throw new InvalidSpecException(List.of(new Problem(sourceName, "the mesh spec is empty")));
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            JsonLocation field = fieldLocation(yaml, stackFile, e.getPath());
            throw new InvalidSpecException(List.of(new Problem(where(sourceName, field == null ? tokenLocation(e) : field)
                    + fieldPath(e.getPath()), ParserWording.describe(e))));
        } catch (JsonMappingException e) {
            throw new InvalidSpecException(List.of(new Problem(where(sourceName, tokenLocation(e)) + fieldPath(e.getPath()), ParserWording.describe(e))));
        } catch (JsonProcessingException e) {
            throw malformed(sourceName, e);
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new Problem(sourceName, "cannot read: " + e.getMessage())));
        }
    }

    /** YAML the parser refused: where, and why in the spec's words rather than the parser's. */
    private static InvalidSpecException malformed(String sourceName, JsonProcessingException e) {
        return new InvalidSpecException(List.of(new Problem(where(sourceName, e.getLocation()).replaceAll(": $", ""),
                ParserWording.malformed(e, MAX_NESTING))));
    }

    /** Positions the parser on the mesh node so that locations stay those of the whole file. */
    private static boolean moveToMeshNode(JsonParser parser) throws java.io.IOException {
        return parser.nextToken() == JsonToken.START_OBJECT && moveToField(parser, "config")
                && parser.nextToken() == JsonToken.START_OBJECT && moveToField(parser, STACK_KEY)
                && parser.nextToken() != null;
    }

    private static boolean moveToField(JsonParser parser, String name) throws java.io.IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (name.equals(parser.currentName())) {
                return true;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return false;
    }

    /** Where the offending token starts (Jackson reports where the parser stopped, often a line later). */
    private static JsonLocation tokenLocation(JsonMappingException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.currentTokenLocation() != null) {
            return parser.currentTokenLocation();
        }
        return e.getLocation();
    }

    /**
     * Where the field at the end of {@code path} starts, found by walking the document again: for an
     * unknown field of a record Jackson has already read the whole mapping when it fails, so its own
     * location is that of the mapping's end (the line after the field, or later).
     */
    private static JsonLocation fieldLocation(String yaml, boolean stackFile, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return null;
        }
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (stackFile ? !moveToMeshNode(parser) : parser.nextToken() == null) {
                return null;
            }
            for (int i = 0; i < path.size(); i++) {
                JsonMappingException.Reference ref = path.get(i);
                if (ref.getIndex() >= 0) {
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        return null;
                    }
                    for (int skip = 0; skip < ref.getIndex(); skip++) {
                        if (parser.nextToken() == JsonToken.END_ARRAY) {
                            return null;
                        }
                        parser.skipChildren();
                    }
                    if (parser.nextToken() == JsonToken.END_ARRAY) {
                        return null;
                    }
                } else {
                    if (parser.currentToken() != JsonToken.START_OBJECT || ref.getFieldName() == null
                            || !moveToField(parser, ref.getFieldName())) {
                        return null;
                    }
                    if (i == path.size() - 1) {
                        return parser.currentTokenLocation();
                    }
                    parser.nextToken();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String where(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return source + ": ";
        }
        return source + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    static String fieldPath(List<JsonMappingException.Reference> refs) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.length() == 0 ? "(document)" : path.toString();
    }
}
